"""Content-Security-Policy: every response carries a strict policy (scripts and styles only from the application),
and plotly's own stylesheet is served as a file (derived from the installed plotly by hengelo_sd.plotly_stijl), so
plotly.js injects no inline <style>."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

import pytest

from hengelo_sd.plotly_stijl import PAD, PLOTLY_JS, kaart_css_id, plotly_regels


def richtlijnen(antwoord) -> dict[str, list[str]]:
    """The Content-Security-Policy header as directive → sources."""
    waarde = antwoord["Content-Security-Policy"]
    return {deel.split()[0]: deel.split()[1:] for deel in waarde.split(";") if deel.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/inloggen/", "/inwoners/", "/admin/login/"])
def test_every_page_has_a_strict_policy(client, url):
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    csp = richtlijnen(antwoord)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in antwoord["Content-Security-Policy"]
    assert "'unsafe-eval'" not in antwoord["Content-Security-Policy"]


@pytest.mark.django_db
def test_templates_have_no_inline_script_or_style(client, programma, django_user_model):
    # The policy allows no inline code, so the pages must not need any (json_script is data, not script).
    client.force_login(django_user_model.objects.get(username="manager"))
    for url in ("/inloggen/", "/inwoners/", reverse("actielijnen:management"), "/college/"):
        html = client.get(url, follow=True).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html), url
        assert "<style" not in html and " style=" not in html, url


def test_plotly_css_is_served_from_the_installed_plotly():
    """The stylesheet is plotly's own, derived from the installed bundle (nothing copied into the repository)."""
    pad = finders.find(PAD)
    assert pad is not None
    css = Path(pad).read_text(encoding="utf-8")
    regels = plotly_regels(PLOTLY_JS.read_text(encoding="utf-8"))
    assert len(regels) > 50
    assert all(regel in css for regel in regels)
    assert ".js-plotly-plot .plotly .modebar" in css
    assert not (Path(settings.BASE_DIR) / "static" / "css" / "plotly.css").exists()


def test_base_layout_tells_plotly_not_to_inject_styles():
    base = (Path(settings.BASE_DIR) / "templates" / "base.html").read_text(encoding="utf-8")
    assert re.search(
        r'<link[^>]*vendor/plotly/plotly\.css[^>]*id="plotly\.js-style-global"[^>]*class="no-inline-styles"',
        base,
    )
    # plotly.js injects maplibre's CSS unless an element with this id exists: the id must be the installed one.
    assert f'id="{kaart_css_id(PLOTLY_JS.read_text(encoding="utf-8"))}"' in base


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["css/app.css", "js/menu.js", "vendor/plotly/plotly.css"])
def test_static_files_carry_the_pages_security_headers(client, settings, pad):
    """WhiteNoise answers /static/ before the middleware that sets the pages' headers: it adds the same ones
    (settings.WHITENOISE_ADD_HEADERS_FUNCTION). Served from the finders, as in development."""
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True  # look files up per request instead of scanning node_modules first
    bestand = client.get("/static/" + pad)
    assert bestand.status_code == 200
    assert bestand.__class__.__name__ == "WhiteNoiseFileResponse"  # served by WhiteNoise, not by a view
    pagina = client.get("/inloggen/")
    assert richtlijnen(bestand) == richtlijnen(pagina)
    assert bestand["Content-Security-Policy"] == pagina["Content-Security-Policy"]
    assert bestand["X-Frame-Options"] == "DENY"
    assert bestand["X-Content-Type-Options"] == "nosniff"
    assert bestand["Referrer-Policy"] == "same-origin"
