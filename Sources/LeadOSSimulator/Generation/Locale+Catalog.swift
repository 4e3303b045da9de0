import Foundation

/// One place people come from: names in their own script (with a romanised form for email
/// addresses and profile URLs), cities, the phone plan and company conventions.
struct PeopleLocale: Sendable {
    /// A name as displayed, and its ASCII form for `first.last@` addresses.
    struct Name: Sendable { var display: String; var ascii: String }

    var country: String
    var cities: [String]
    var callingCode: String
    /// Digits after the calling code in an E.164 number.
    var nationalDigits: Int
    var givenNames: [Name]
    var familyNames: [Name]
    /// True when the family name comes first (CJK, Hungarian).
    var familyFirst: Bool
    /// Joins given and family name ("" for CJK).
    var separator: String
    var companySuffixes: [String]
    var domainSuffix: String

    static func n(_ display: String, _ ascii: String) -> Name { Name(display: display, ascii: ascii) }
    static func latin(_ names: [String]) -> [Name] { names.map { Name(display: $0, ascii: asciiFold($0)) } }

    /// Strips diacritics for email local parts: "Müller" → "muller", "Łukasz" → "lukasz".
    static func asciiFold(_ s: String) -> String {
        let stripped = String(String.UnicodeScalarView(
            s.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
        let folded = stripped.replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "Ł", with: "L")
            .replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "Ø", with: "O")
            .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        return String(folded.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-") }.map(Character.init))
    }
}

extension PeopleLocale {
    static let all: [PeopleLocale] = [
        PeopleLocale(country: "United States", cities: ["New York", "Austin", "San Francisco", "Chicago", "Denver", "Seattle"],
                     callingCode: "1", nationalDigits: 10,
                     givenNames: latin(["James", "Maria", "Ashley", "Tyrone", "Jennifer", "Kevin", "Brianna", "Luis", "Megan", "DeShawn"]),
                     familyNames: latin(["Johnson", "Williams", "Garcia", "O'Connor", "Nguyen", "Miller", "Brooks", "Rivera"]),
                     familyFirst: false, separator: " ", companySuffixes: ["Inc.", "LLC", "Corp."], domainSuffix: "com"),
        PeopleLocale(country: "United Kingdom", cities: ["London", "Manchester", "Edinburgh", "Bristol", "Leeds"],
                     callingCode: "44", nationalDigits: 10,
                     givenNames: latin(["Oliver", "Amelia", "Harry", "Siobhan", "Rhys", "Priya", "George", "Niamh"]),
                     familyNames: latin(["Smith", "Taylor", "Davies", "Evans", "Khan", "MacLeod", "Wright"]),
                     familyFirst: false, separator: " ", companySuffixes: ["Ltd", "plc"], domainSuffix: "co.uk"),
        PeopleLocale(country: "Germany", cities: ["Berlin", "München", "Köln", "Düsseldorf", "Hamburg"],
                     callingCode: "49", nationalDigits: 11,
                     givenNames: latin(["Jürgen", "Anja", "Björn", "Sören", "Katrin", "Lukas", "Märta"]),
                     familyNames: latin(["Müller", "Schröder", "Weiß", "Köhler", "Groß", "Fischer", "Bäcker"]),
                     familyFirst: false, separator: " ", companySuffixes: ["GmbH", "AG", "SE"], domainSuffix: "de"),
        PeopleLocale(country: "France", cities: ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes"],
                     callingCode: "33", nationalDigits: 9,
                     givenNames: latin(["François", "Hélène", "Loïc", "Chloé", "Amélie", "Jérôme", "Inès"]),
                     familyNames: latin(["Lefèvre", "Dubois", "Moreau", "Girard", "Fontaine", "Bénard"]),
                     familyFirst: false, separator: " ", companySuffixes: ["SAS", "SA"], domainSuffix: "fr"),
        PeopleLocale(country: "Spain", cities: ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"],
                     callingCode: "34", nationalDigits: 9,
                     givenNames: latin(["José", "Lucía", "Álvaro", "María José", "Íñigo", "Begoña"]),
                     familyNames: latin(["García", "Núñez", "Fernández", "Muñoz", "Ibáñez", "Peña"]),
                     familyFirst: false, separator: " ", companySuffixes: ["S.L.", "S.A."], domainSuffix: "es"),
        PeopleLocale(country: "Brazil", cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Florianópolis"],
                     callingCode: "55", nationalDigits: 11,
                     givenNames: latin(["João", "Conceição", "Thiago", "Luíza", "Gonçalo", "Ana Clara"]),
                     familyNames: latin(["Gonçalves", "Araújo", "Conceição", "Magalhães", "Simões", "Lima"]),
                     familyFirst: false, separator: " ", companySuffixes: ["Ltda.", "S.A."], domainSuffix: "com.br"),
        PeopleLocale(country: "Mexico", cities: ["Ciudad de México", "Guadalajara", "Monterrey", "Querétaro"],
                     callingCode: "52", nationalDigits: 10,
                     givenNames: latin(["Sofía", "Andrés", "Ximena", "Héctor", "Valentina", "Raúl"]),
                     familyNames: latin(["Hernández", "López", "Martínez", "Gutiérrez", "Ramírez", "Domínguez"]),
                     familyFirst: false, separator: " ", companySuffixes: ["S.A. de C.V."], domainSuffix: "mx"),
        PeopleLocale(country: "Poland", cities: ["Warszawa", "Kraków", "Wrocław", "Gdańsk", "Łódź"],
                     callingCode: "48", nationalDigits: 9,
                     givenNames: latin(["Łukasz", "Małgorzata", "Paweł", "Zofia", "Wojciech", "Agnieszka"]),
                     familyNames: latin(["Wójcik", "Kowalczyk", "Nowak", "Zieliński", "Wiśniewska", "Dąbrowski"]),
                     familyFirst: false, separator: " ", companySuffixes: ["Sp. z o.o.", "S.A."], domainSuffix: "pl"),
        PeopleLocale(country: "Türkiye", cities: ["İstanbul", "Ankara", "İzmir", "Bursa"],
                     callingCode: "90", nationalDigits: 10,
                     givenNames: latin(["Çağrı", "Şebnem", "Oğuz", "Gülşen", "Emre", "Ayşe"]),
                     familyNames: latin(["Şahin", "Yılmaz", "Öztürk", "Çelik", "Doğan", "Aydın"]),
                     familyFirst: false, separator: " ", companySuffixes: ["A.Ş.", "Ltd. Şti."], domainSuffix: "com.tr"),
        PeopleLocale(country: "Sweden", cities: ["Stockholm", "Göteborg", "Malmö", "Uppsala"],
                     callingCode: "46", nationalDigits: 9,
                     givenNames: latin(["Åsa", "Björn", "Linnéa", "Måns", "Ingrid", "Oskar"]),
                     familyNames: latin(["Lindström", "Åkesson", "Söderberg", "Öberg", "Nyström"]),
                     familyFirst: false, separator: " ", companySuffixes: ["AB"], domainSuffix: "se"),
        PeopleLocale(country: "Vietnam", cities: ["Hà Nội", "Hồ Chí Minh City", "Đà Nẵng"],
                     callingCode: "84", nationalDigits: 9,
                     givenNames: [n("Hương", "huong"), n("Minh Tuấn", "minhtuan"), n("Thị Lan", "thilan"), n("Quốc Bảo", "quocbao")],
                     familyNames: [n("Nguyễn", "nguyen"), n("Trần", "tran"), n("Lê", "le"), n("Phạm", "pham")],
                     familyFirst: true, separator: " ", companySuffixes: ["JSC", "Co., Ltd"], domainSuffix: "vn"),
        PeopleLocale(country: "Japan", cities: ["Tokyo", "Osaka", "Fukuoka", "Sapporo", "Kyoto"],
                     callingCode: "81", nationalDigits: 10,
                     givenNames: [n("健", "ken"), n("美咲", "misaki"), n("翔太", "shota"), n("陽菜", "hina"), n("大輔", "daisuke")],
                     familyNames: [n("佐藤", "sato"), n("田中", "tanaka"), n("鈴木", "suzuki"), n("高橋", "takahashi"), n("渡辺", "watanabe")],
                     familyFirst: true, separator: "", companySuffixes: ["株式会社", "K.K."], domainSuffix: "co.jp"),
        PeopleLocale(country: "China", cities: ["Shanghai", "Shenzhen", "Beijing", "Hangzhou", "Chengdu"],
                     callingCode: "86", nationalDigits: 11,
                     givenNames: [n("伟", "wei"), n("娜", "na"), n("静怡", "jingyi"), n("浩然", "haoran"), n("子涵", "zihan")],
                     familyNames: [n("王", "wang"), n("李", "li"), n("张", "zhang"), n("刘", "liu"), n("陈", "chen")],
                     familyFirst: true, separator: "", companySuffixes: ["有限公司", "Co., Ltd."], domainSuffix: "cn"),
        PeopleLocale(country: "South Korea", cities: ["Seoul", "Busan", "Incheon", "Daejeon"],
                     callingCode: "82", nationalDigits: 10,
                     givenNames: [n("민준", "minjun"), n("서연", "seoyeon"), n("지호", "jiho"), n("하은", "haeun")],
                     familyNames: [n("김", "kim"), n("이", "lee"), n("박", "park"), n("최", "choi")],
                     familyFirst: true, separator: "", companySuffixes: ["Co., Ltd.", "(주)"], domainSuffix: "co.kr"),
        PeopleLocale(country: "Russia", cities: ["Moscow", "Saint Petersburg", "Novosibirsk", "Kazan"],
                     callingCode: "7", nationalDigits: 10,
                     givenNames: [n("Дмитрий", "dmitry"), n("Анна", "anna"), n("Сергей", "sergey"), n("Екатерина", "ekaterina")],
                     familyNames: [n("Иванов", "ivanov"), n("Смирнова", "smirnova"), n("Кузнецов", "kuznetsov"), n("Попова", "popova")],
                     familyFirst: false, separator: " ", companySuffixes: ["ООО", "АО"], domainSuffix: "ru"),
        PeopleLocale(country: "Ukraine", cities: ["Kyiv", "Lviv", "Kharkiv", "Odesa"],
                     callingCode: "380", nationalDigits: 9,
                     givenNames: [n("Олена", "olena"), n("Тарас", "taras"), n("Ірина", "iryna"), n("Богдан", "bohdan")],
                     familyNames: [n("Коваленко", "kovalenko"), n("Шевченко", "shevchenko"), n("Бондаренко", "bondarenko")],
                     familyFirst: false, separator: " ", companySuffixes: ["ТОВ", "LLC"], domainSuffix: "com.ua"),
        PeopleLocale(country: "Greece", cities: ["Athens", "Thessaloniki", "Patras", "Heraklion"],
                     callingCode: "30", nationalDigits: 10,
                     givenNames: [n("Γιώργος", "giorgos"), n("Ελένη", "eleni"), n("Νίκος", "nikos"), n("Μαρία", "maria")],
                     familyNames: [n("Παπαδόπουλος", "papadopoulos"), n("Οικονόμου", "oikonomou"), n("Γεωργίου", "georgiou")],
                     familyFirst: false, separator: " ", companySuffixes: ["Α.Ε.", "Ι.Κ.Ε."], domainSuffix: "gr"),
        PeopleLocale(country: "United Arab Emirates", cities: ["Dubai", "Abu Dhabi", "Sharjah"],
                     callingCode: "971", nationalDigits: 9,
                     givenNames: [n("محمد", "mohammed"), n("فاطمة", "fatima"), n("خالد", "khalid"), n("مريم", "maryam")],
                     familyNames: [n("العلي", "alali"), n("الهاشمي", "alhashimi"), n("المنصوري", "almansoori")],
                     familyFirst: false, separator: " ", companySuffixes: ["FZ-LLC", "LLC"], domainSuffix: "ae"),
        PeopleLocale(country: "Egypt", cities: ["Cairo", "Alexandria", "Giza"],
                     callingCode: "20", nationalDigits: 10,
                     givenNames: [n("أحمد", "ahmed"), n("نور", "nour"), n("يوسف", "youssef"), n("سلمى", "salma")],
                     familyNames: [n("حسن", "hassan"), n("عبد الله", "abdallah"), n("مصطفى", "mostafa")],
                     familyFirst: false, separator: " ", companySuffixes: ["S.A.E."], domainSuffix: "com.eg"),
        PeopleLocale(country: "Israel", cities: ["Tel Aviv", "Haifa", "Jerusalem"],
                     callingCode: "972", nationalDigits: 9,
                     givenNames: [n("נועה", "noa"), n("איתי", "itai"), n("תמר", "tamar"), n("יונתן", "yonatan")],
                     familyNames: [n("כהן", "cohen"), n("לוי", "levi"), n("מזרחי", "mizrahi")],
                     familyFirst: false, separator: " ", companySuffixes: ["Ltd."], domainSuffix: "co.il"),
        PeopleLocale(country: "India", cities: ["Bengaluru", "Mumbai", "Pune", "Hyderabad", "New Delhi"],
                     callingCode: "91", nationalDigits: 10,
                     givenNames: [n("राहुल", "rahul"), n("प्रिया", "priya"), n("Ananya", "ananya"), n("Vikram", "vikram"), n("अर्जुन", "arjun")],
                     familyNames: [n("शर्मा", "sharma"), n("Patel", "patel"), n("Iyer", "iyer"), n("गुप्ता", "gupta"), n("Reddy", "reddy")],
                     familyFirst: false, separator: " ", companySuffixes: ["Pvt Ltd", "Ltd"], domainSuffix: "in"),
        PeopleLocale(country: "Nepal", cities: ["Kathmandu", "Pokhara", "Lalitpur"],
                     callingCode: "977", nationalDigits: 10,
                     givenNames: [n("Raj", "raj"), n("सीता", "sita"), n("Bikash", "bikash"), n("Anisha", "anisha")],
                     familyNames: [n("Sharma", "sharma"), n("श्रेष्ठ", "shrestha"), n("Gurung", "gurung"), n("Thapa", "thapa")],
                     familyFirst: false, separator: " ", companySuffixes: ["Pvt Ltd"], domainSuffix: "com.np"),
        PeopleLocale(country: "Nigeria", cities: ["Lagos", "Abuja", "Port Harcourt"],
                     callingCode: "234", nationalDigits: 10,
                     givenNames: latin(["Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo"]),
                     familyNames: latin(["Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu"]),
                     familyFirst: false, separator: " ", companySuffixes: ["Ltd", "PLC"], domainSuffix: "com.ng"),
        PeopleLocale(country: "Kenya", cities: ["Nairobi", "Mombasa", "Kisumu"],
                     callingCode: "254", nationalDigits: 9,
                     givenNames: latin(["Wanjiru", "Otieno", "Achieng", "Kipchoge", "Njeri"]),
                     familyNames: latin(["Kamau", "Odhiambo", "Mwangi", "Wekesa", "Chebet"]),
                     familyFirst: false, separator: " ", companySuffixes: ["Ltd"], domainSuffix: "co.ke"),
    ]
}
