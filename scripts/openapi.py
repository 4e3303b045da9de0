#!/usr/bin/env python3
"""Writes Sources/LeadOSSimulator/openapi.json, the OpenAPI 3.1 description of the LeadOS v1
contract (API.md) as the simulator implements it. Run it after changing the contract."""
import json
import os

TS = {"type": "string", "format": "date-time", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
      "examples": ["2026-05-07T14:23:00Z"]}
DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "examples": ["2026-05-07"]}
SIZES = ["1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001-10000", "10001+"]
LEVELS = ["basic", "email", "email_phone"]
REASONS = ["invalid_email", "wrong_person", "not_icp", "no_intent", "duplicate", "other"]
EVENTS = ["lead.delivered", "campaign.paused", "balance.low"]


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def obj(props, required=None, additional=True):
    o = {"type": "object", "properties": props, "required": required if required is not None else list(props)}
    if not additional:
        o["additionalProperties"] = False
    return o


def id_schema(prefix):
    return {"type": "string", "pattern": f"^{prefix}[A-Za-z0-9]{{6,24}}$"}


schemas = {
    "Error": obj({"error": obj({
        "type": {"type": "string", "enum": ["invalid_request_error", "authentication_error", "billing_error",
                                            "idempotency_error", "rate_limit_error", "api_error"]},
        "code": {"type": "string"},
        "message": {"type": "string"},
        "param": nullable({"type": "string"}),
        "request_id": nullable({"type": "string"}),
    })}),
    "Feedback": obj({
        "lead_id": id_schema("del_"),
        "rating": {"type": "string", "enum": ["good", "bad"]},
        "reason": nullable({"type": "string", "enum": REASONS}),
        "note": nullable({"type": "string", "maxLength": 500}),
        "created_at": TS, "updated_at": TS,
    }),
    "Lead": obj({
        "id": id_schema("del_"), "campaign_id": id_schema("camp_"),
        "full_name": {"type": "string"}, "job_title": {"type": "string"}, "company_name": {"type": "string"},
        "company_domain": {"type": "string"}, "company_size": {"type": "string", "enum": SIZES},
        "company_industry": {"type": "string"}, "geography": {"type": "string"},
        "email": nullable({"type": "string"}),
        "email_status": nullable({"type": "string", "enum": ["valid", "accept_all", "unknown"]}),
        "phone": nullable({"type": "string", "pattern": r"^\+[1-9][0-9]{6,14}$"}),
        "linkedin_url": nullable({"type": "string"}),
        "score": {"type": "integer", "minimum": 0, "maximum": 100},
        "intent_summary": {"type": "string", "maxLength": 280},
        "enrichment_level": {"type": "string", "enum": LEVELS},
        "credits_consumed": {"type": "integer", "enum": [1, 2, 4]},
        "delivered_at": TS,
        "feedback": nullable(ref("Feedback")),
    }),
    "Campaign": obj({
        "id": id_schema("camp_"), "name": {"type": "string", "minLength": 1, "maxLength": 100},
        "status": {"type": "string", "enum": ["draft", "active", "paused", "completed"]},
        "paused_reason": nullable({"type": "string", "enum": ["user", "insufficient_credits"]}),
        "daily_lead_cap": {"type": "integer", "minimum": 1, "maximum": 1000},
        "total_lead_cap": nullable({"type": "integer", "minimum": 1}),
        "job_titles": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 50},
        "industries": {"type": "array", "items": {"type": "string"}, "maxItems": 50},
        "company_sizes": {"type": "array", "items": {"type": "string", "enum": SIZES}},
        "geographies": {"type": "array", "items": {"type": "string"}, "maxItems": 50},
        "min_score": {"type": "integer", "minimum": 0, "maximum": 100},
        "enrichment_level": {"type": "string", "enum": LEVELS},
        "leads_delivered": {"type": "integer", "minimum": 0},
        "leads_delivered_today": {"type": "integer", "minimum": 0},
        "credits_spent": {"type": "integer", "minimum": 0},
        "created_at": TS, "updated_at": TS,
    }),
    "Balance": obj({
        "credits_remaining": {"type": "integer"}, "credits_used_this_period": {"type": "integer", "minimum": 0},
        "plan_credits": {"type": "integer", "minimum": 0}, "period_start": TS, "period_end": TS,
        "low_balance_threshold": {"type": "integer", "minimum": 0}, "low_balance": {"type": "boolean"},
    }),
    "StatsBucket": obj({
        "delivered": {"type": "integer", "minimum": 0}, "credits_consumed": {"type": "integer", "minimum": 0},
        "avg_score": nullable({"type": "number", "minimum": 0, "maximum": 100}),
    }),
    "CampaignDay": obj({
        "campaign_id": id_schema("camp_"), "delivered": {"type": "integer", "minimum": 1},
        "credits_consumed": {"type": "integer", "minimum": 0},
        "avg_score": nullable({"type": "number", "minimum": 0, "maximum": 100}),
    }),
    "StatsDay": obj({
        "date": DATE, "delivered": {"type": "integer", "minimum": 0}, "credits_consumed": {"type": "integer", "minimum": 0},
        "avg_score": nullable({"type": "number", "minimum": 0, "maximum": 100}),
        "by_campaign": {"type": "array", "items": ref("CampaignDay")},
    }),
    "DeliveryStats": obj({
        "start_date": DATE, "end_date": DATE, "campaign_id": nullable({"type": "string"}),
        "totals": ref("StatsBucket"), "data": {"type": "array", "items": ref("StatsDay"), "minItems": 1, "maxItems": 90},
    }),
    "FeedbackSummary": obj({
        "total_delivered": {"type": "integer", "minimum": 0}, "total_feedback": {"type": "integer", "minimum": 0},
        "feedback_rate": {"type": "number", "minimum": 0}, "good": {"type": "integer", "minimum": 0},
        "bad": {"type": "integer", "minimum": 0},
        "bad_reasons": obj({r: {"type": "integer", "minimum": 0} for r in REASONS}),
        "personalisation": obj({
            "status": {"type": "string", "enum": ["collecting", "training", "active"]},
            "feedback_count": {"type": "integer", "minimum": 0}, "threshold": {"type": "integer", "minimum": 1},
            "progress": {"type": "number", "minimum": 0, "maximum": 1}, "activated_at": nullable(TS),
        }),
    }),
    "WebhookEndpoint": obj({
        "id": id_schema("wh_"), "url": {"type": "string", "maxLength": 2048},
        "events": {"type": "array", "items": {"type": "string", "enum": EVENTS + ["*"]}, "minItems": 1},
        "description": nullable({"type": "string", "maxLength": 200}),
        "status": {"type": "string", "enum": ["enabled"]},
        "secret": {"type": "string", "pattern": "^ldo_whsec_[A-Za-z0-9]{32}$"}, "created_at": TS,
    }),
    "SuppressionResult": obj({
        "added": {"type": "integer", "minimum": 0}, "already_present": {"type": "integer", "minimum": 0},
        "invalid": {"type": "array", "items": {"type": "string"}},
        "total_suppressed": {"type": "integer", "minimum": 0},
    }),
    "LeadList": obj({"data": {"type": "array", "items": ref("Lead"), "maxItems": 100}, "has_more": {"type": "boolean"},
                     "next_cursor": nullable(id_schema("del_"))}),
    "CampaignList": obj({"data": {"type": "array", "items": ref("Campaign"), "maxItems": 100}, "has_more": {"type": "boolean"},
                         "next_cursor": nullable(id_schema("camp_"))}),
}

title_list = {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 100}, "minItems": 1, "maxItems": 50}
free_list = {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 100}, "maxItems": 50}
writable = {
    "name": {"type": "string", "minLength": 1, "maxLength": 100},
    "daily_lead_cap": {"type": "integer", "minimum": 1, "maximum": 1000},
    "total_lead_cap": nullable({"type": "integer", "minimum": 1}),
    "job_titles": title_list, "industries": free_list,
    "company_sizes": {"type": "array", "items": {"type": "string", "enum": SIZES}, "maxItems": 8},
    "geographies": free_list,
    "min_score": {"type": "integer", "minimum": 0, "maximum": 100},
    "enrichment_level": {"type": "string", "enum": LEVELS},
}
schemas["CampaignCreate"] = obj(dict(writable, status={"type": "string", "enum": ["draft", "active"]}),
                                required=["name", "job_titles"], additional=False)
schemas["CampaignUpdate"] = obj(dict(writable, status={"type": "string", "enum": ["active"]}), required=[], additional=False)
schemas["FeedbackSubmission"] = {
    "type": "object", "additionalProperties": False, "required": ["rating"],
    "properties": {"rating": {"type": "string", "enum": ["good", "bad"]},
                   "reason": nullable({"type": "string", "enum": REASONS}),
                   "note": nullable({"type": "string", "maxLength": 500})},
    "oneOf": [
        {"properties": {"rating": {"const": "good"}, "reason": {"type": "null"}}},
        {"properties": {"rating": {"const": "bad"}, "reason": {"type": "string", "enum": REASONS}}, "required": ["reason"]},
    ],
}
schemas["WebhookRegistration"] = obj({
    "url": {"type": "string", "maxLength": 2048, "pattern": r"^(https://[A-Za-z0-9.-]+|http://(localhost|127\.0\.0\.1|\[::1\]))(:[0-9]{1,5})?(/[A-Za-z0-9._~/%-]*)?(\?[A-Za-z0-9._~/%&=+-]*)?$"},
    "events": {"anyOf": [
        {"type": "array", "items": {"type": "string", "enum": EVENTS}, "minItems": 1, "maxItems": 3, "uniqueItems": True},
        {"type": "array", "items": {"const": "*"}, "minItems": 1, "maxItems": 1}]},
    "description": nullable({"type": "string", "maxLength": 200}),
}, required=["url"], additional=False)
schemas["SuppressionRequest"] = obj({"emails": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 1000}},
                                    additional=False)
schemas["Empty"] = {"type": "object", "additionalProperties": False, "maxProperties": 0}

rate_headers = {
    "X-Request-Id": {"$ref": "#/components/headers/RequestId"},
    "X-RateLimit-Limit": {"$ref": "#/components/headers/RateLimitLimit"},
    "X-RateLimit-Remaining": {"$ref": "#/components/headers/RateLimitRemaining"},
    "X-RateLimit-Reset": {"$ref": "#/components/headers/RateLimitReset"},
}


def json_response(desc, schema, extra_headers=None):
    h = dict(rate_headers)
    if extra_headers:
        h.update(extra_headers)
    return {"description": desc, "headers": h, "content": {"application/json": {"schema": schema}}}


def err(desc):
    return {"$ref": f"#/components/responses/{desc}"}


common_errors = {"401": err("Unauthorized"), "429": err("RateLimited"), "500": err("ServerError"), "503": err("ServerError")}


def op(op_id, summary, responses, params=None, body=None, write=False):
    o = {"operationId": op_id, "summary": summary, "responses": dict(responses, **common_errors)}
    ps = list(params or [])
    if write:
        ps.append({"$ref": "#/components/parameters/IdempotencyKey"})
        o["responses"].setdefault("422", err("Unprocessable"))
        o["responses"]["400"] = err("BadRequest")
        o["responses"]["413"] = err("TooLarge")
        o["responses"]["409"] = o["responses"].get("409", err("Conflict"))
    if ps:
        o["parameters"] = ps
    if body:
        o["requestBody"] = {"required": body != "Empty", "content": {"application/json": {"schema": ref(body)}}}
    return o


def q(name, schema, desc):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": desc}


def path_id(name, prefix):
    return {"name": name, "in": "path", "required": True, "schema": id_schema(prefix)}


limit = q("limit", {"type": "integer", "minimum": 1, "maximum": 100, "default": 25}, "Page size.")
ok = "Success."
paths = {
    "/v1/leads": {"get": op("listLeads", "List delivered leads, newest first", {
        "200": json_response(ok, ref("LeadList")), "422": err("Unprocessable")}, params=[
        limit, q("starting_after", id_schema("del_"), "Cursor: a lead id."),
        q("campaign_id", {"type": "string"}, "Only this campaign's leads (an unknown id gives an empty list)."),
        q("since", TS, "delivered_at >= since."), q("until", TS, "delivered_at < until."),
        q("min_score", {"type": "integer", "minimum": 0, "maximum": 100}, "Minimum score."),
        q("email_status", {"type": "string", "pattern": "^(valid|accept_all|unknown)(,(valid|accept_all|unknown))*$"},
          "Comma-separated subset of valid,accept_all,unknown."),
        q("enrichment_level", {"type": "string", "enum": LEVELS}, "One level."),
        q("has_feedback", {"type": "string", "enum": ["true", "false"]}, "Whether feedback was given."),
    ])},
    "/v1/leads/stats": {"get": op("leadStats", "Delivery stats by UTC day", {
        "200": json_response(ok, ref("DeliveryStats")), "422": err("Unprocessable")}, params=[
        q("start_date", DATE, "First day (inclusive); default end_date - 29 days."),
        q("end_date", DATE, "Last day (inclusive); default today."),
        q("campaign_id", {"type": "string"}, "Only this campaign."),
    ])},
    "/v1/leads/{id}/feedback": {"post": op("submitFeedback", "Create (201) or overwrite (200) a lead's feedback", {
        "200": json_response("Overwritten.", ref("Feedback")), "201": json_response("Created.", ref("Feedback")),
        "404": err("NotFound")}, params=[path_id("id", "del_")], body="FeedbackSubmission", write=True)},
    "/v1/campaigns": {
        "get": op("listCampaigns", "List campaigns, newest first", {
            "200": json_response(ok, ref("CampaignList")), "422": err("Unprocessable")}, params=[
            limit, q("starting_after", id_schema("camp_"), "Cursor: a campaign id."),
            q("status", {"type": "string", "enum": ["draft", "active", "paused", "completed"]}, "Only this status."),
        ]),
        "post": op("createCampaign", "Create a campaign", {
            "201": json_response("Created.", ref("Campaign")), "402": err("PaymentRequired")},
            body="CampaignCreate", write=True),
    },
    "/v1/campaigns/{id}": {"patch": op("updateCampaign", "Update a campaign's settings or launch a draft", {
        "200": json_response(ok, ref("Campaign")), "402": err("PaymentRequired"), "404": err("NotFound")},
        params=[path_id("id", "camp_")], body="CampaignUpdate", write=True)},
    "/v1/campaigns/{id}/pause": {"post": op("pauseCampaign", "Pause a campaign", {
        "200": json_response(ok, ref("Campaign")), "404": err("NotFound")},
        params=[path_id("id", "camp_")], body="Empty", write=True)},
    "/v1/campaigns/{id}/resume": {"post": op("resumeCampaign", "Resume a paused campaign", {
        "200": json_response(ok, ref("Campaign")), "402": err("PaymentRequired"), "404": err("NotFound")},
        params=[path_id("id", "camp_")], body="Empty", write=True)},
    "/v1/webhooks": {"post": op("registerWebhook", "Register a webhook endpoint", {
        "201": json_response("Created; the secret is shown only here.", ref("WebhookEndpoint"))},
        body="WebhookRegistration", write=True)},
    "/v1/suppression": {"post": op("suppressEmails", "Add emails to the suppression list", {
        "200": json_response(ok, ref("SuppressionResult"))}, body="SuppressionRequest", write=True)},
    "/v1/usage/balance": {"get": op("getBalance", "Current credit balance", {"200": json_response(ok, ref("Balance"))})},
    "/v1/feedback/summary": {"get": op("feedbackSummary", "Feedback counts and personalisation status", {
        "200": json_response(ok, ref("FeedbackSummary"))})},
}
for p in paths.values():
    for o in p.values():
        o["responses"]["404"] = o["responses"].get("404", err("NotFound"))


def error_response(desc, extra=None):
    h = {"X-Request-Id": {"$ref": "#/components/headers/RequestId"}}
    if extra:
        h.update(extra)
    return {"description": desc, "headers": h, "content": {"application/json": {"schema": ref("Error")}}}


doc = {
    "openapi": "3.1.0",
    "info": {"title": "LeadOS API", "version": "v1",
             "description": "The LeadOS v1 contract as served by `leadtop sim`. Errors follow one object shape; "
                            "the check order is 401, 429, 404 route_not_found, 400, idempotency, 404 resource_missing, "
                            "422, 402/409."},
    "servers": [{"url": "https://api.leados.net"}],
    "security": [{"bearer": []}],
    "paths": paths,
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                       "description": "ldo_live_sk_ followed by 32 alphanumerics."}},
        "schemas": schemas,
        "parameters": {"IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": False,
                                          "schema": {"type": "string", "minLength": 1, "maxLength": 255}}},
        "headers": {
            "RequestId": {"schema": {"type": "string", "pattern": "^req_[A-Za-z0-9]+$"}},
            "RateLimitLimit": {"schema": {"type": "integer"}},
            "RateLimitRemaining": {"schema": {"type": "integer"}},
            "RateLimitReset": {"schema": {"type": "integer"}},
            "RetryAfter": {"schema": {"type": "integer", "minimum": 1}},
        },
        "responses": {
            "BadRequest": error_response("The body is not a parseable JSON object (invalid_json)."),
            "Unauthorized": error_response("Missing or invalid API key.",
                                           {"WWW-Authenticate": {"schema": {"type": "string"}, "required": True}}),
            "PaymentRequired": error_response("insufficient_credits."),
            "NotFound": error_response("resource_missing or route_not_found."),
            "Conflict": error_response("invalid_campaign_state, webhook_url_exists or idempotency_key_in_use."),
            "TooLarge": error_response("The body is larger than 1 MiB (request_too_large)."),
            "Unprocessable": error_response("Validation failure or idempotency_key_reused."),
            "RateLimited": error_response("rate_limited.", {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}}),
            "ServerError": error_response("internal_error or service_unavailable."),
        },
    },
}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "LeadOSSimulator", "openapi.json")
with open(out, "w") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
    f.write("\n")
