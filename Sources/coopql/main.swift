import CoopQL
print("coopql")
