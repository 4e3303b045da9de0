print("leadtop")
