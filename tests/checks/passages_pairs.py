PASSAGES: list[dict] = []
