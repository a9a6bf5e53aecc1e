"""Reading a form out of a page as a browser would submit it (tests post back exactly what a user sees)."""

from html.parser import HTMLParser


class Formulier(HTMLParser):
    """The values a browser would post for the form with id `form_id` (no submit buttons)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.binnen, self.data = form_id, False, []
        self._select = self._textarea = None
        self._tekst = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.binnen = a.get("id") == self.form_id
        if not self.binnen or "disabled" in a:
            return
        if tag == "input" and a.get("name") and a.get("type", "text") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.data.append((self._select, a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._tekst = a["name"], []

    def handle_endtag(self, tag):
        if tag == "form":
            self.binnen = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.append((self._textarea, "".join(self._tekst).removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._tekst.append(data)


def admin_formulier(response, model) -> dict:
    """What a browser would post back for the admin change form of `model` in `response` (name → values)."""
    parser = Formulier(f"{model._meta.model_name}_form")
    parser.feed(response.content.decode())
    data = {}
    for naam, waarde in parser.data:
        data.setdefault(naam, []).append(waarde)
    return data
