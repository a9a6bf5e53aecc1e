"""The one way actielijnen's services save an object: fully validated first, so a ValidationError writes nothing."""


def opgeslagen(obj):
    """Validate fully (fields, choices, clean()) and save; raises ValidationError before writing."""
    obj.full_clean()
    obj.save()
    return obj
