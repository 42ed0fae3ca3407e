"""One module per field of the spec; each exposes ``judge(doc) -> Judgement``."""
