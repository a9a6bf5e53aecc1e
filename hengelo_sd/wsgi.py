"""WSGI entry point (gunicorn hengelo_sd.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hengelo_sd.settings")
application = get_wsgi_application()
