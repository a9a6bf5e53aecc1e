from django.shortcuts import redirect

from accounts.permissions import eigen_niveau
from accounts.selectors import URL_NAMEN


def start(request):
    """'/': each user lands on the view of their own level; anonymous visitors go to the login page,
    which links to the public Inwoners page."""
    if not request.user.is_authenticated:
        return redirect("login")
    return redirect(URL_NAMEN[eigen_niveau(request.user)])
