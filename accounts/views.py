from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def start(request):
    """Landing page after login (replaced by the per-level dispatch of the informatiepiramide)."""
    return render(request, "accounts/start.html")
