from django.urls import path

from accounts import views
from actielijnen.views import inwoners

urlpatterns = [
    path("", views.start, name="start"),
    # Public: the plan in plain language for inwoners (no login).
    path("inwoners/", inwoners, name="inwoners"),
]
