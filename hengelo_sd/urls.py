from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_GET

admin.site.site_header = "Transformatiemonitor Sociaal Domein Hengelo — beheer"
admin.site.site_title = "Transformatiemonitor beheer"
admin.site.index_title = "Beheer van het programma"

# A refused request in Dutch: a bad Host or control characters → the 400 page; not signed in → the login page.
handler400 = "hengelo_sd.foutpaginas.ongeldig_verzoek"
handler403 = "hengelo_sd.foutpaginas.geen_toegang"


@require_GET
def gezond(request):
    """One SELECT and a short text: the floor the benchmark compares real pages with (same middleware, same login)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers ask /favicon.ico on their own: send them, permanently, to the icon in the static files."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("admin/", admin.site.urls),
    path("gezond/", gezond, name="gezond"),
    path("favicon.ico", favicon, name="favicon"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("", include("accounts.urls")),
    path("activiteiten/", include("actielijnen.urls")),
    # monitoring's pages under /monitoring/, and its public informatiepiramide at /informatiepiramide/.
    path("", include("monitoring.urls")),
    path("participatie/", include("participatie.urls")),
    path("taken/", include("kern.urls")),
    # Public: the begrippenlijst of the Scenario document at /begrippen/.
    path("", include("bronnen.urls")),
    path("", include("rapportage.urls")),
    # The read-only public API under /api/v1 (issue 27); its last pattern answers every other /api/ address.
    path("", include("api.urls")),
]
