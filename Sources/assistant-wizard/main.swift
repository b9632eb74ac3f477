print("assistant-wizard")
