from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "Transformatiemonitor Sociaal Domein Hengelo — beheer"
admin.site.site_title = "Transformatiemonitor beheer"
admin.site.index_title = "Beheer van het programma"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("", include("accounts.urls")),
    path("activiteiten/", include("actielijnen.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("participatie/", include("participatie.urls")),
    path("", include("rapportage.urls")),
]
