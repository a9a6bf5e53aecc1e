"""
Settings for the Transformatiemonitor Sociaal Domein Hengelo.

One module for every environment: each value comes from an environment variable with a safe default
(see the README, "Configuratie"). Nothing here differs per machine.
"""

from datetime import timedelta
from pathlib import Path

import environ

# WhiteNoise takes a function, not a dotted path; the module reads settings only when called.
from hengelo_sd.beveiligingskoppen import statisch_bestand

BASE_DIR = Path(__file__).resolve().parent.parent
NODE_MODULES = BASE_DIR / "node_modules"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# A development key only when DEBUG is on; production refuses to start without SECRET_KEY.
SECRET_KEY = env(
    "SECRET_KEY", default="alleen-voor-ontwikkeling-niet-in-productie" if DEBUG else environ.Env.NOTSET
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "simple_history",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "kern",
    "bronnen",
    "accounts",
    "actielijnen",
    "monitoring",
    "participatie",
    "rapportage",
    # The read-only public API (issue 27): the top floor, after rapportage.
    "rest_framework",
    "drf_spectacular",
    "api",
]
if DEBUG:
    # Development tools and the demo's example history (benchmarks, soak, test data, `demo_laden`): above every
    # floor, outside the product; never installed in production (its AppConfig refuses to start without DEBUG).
    INSTALLED_APPS.append("ontwikkeling")

MIDDLEWARE = [
    # Under /api/: API-Version and CORS on every response, and errors as problem+json, also those that never
    # reach a view (the HTTPS redirect, the 400 below, a 404, a 500).
    "api.middleware.ApiKoppenMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the session or the database: control characters in the address or a form get the
    # Dutch 400 page (PostgreSQL refuses NUL in text; no person types one).
    "hengelo_sd.invoerbewaking.InvoerbewakingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication: raad, griffie and the public reach only pages that read published editions.
    "rapportage.editiegrens.EditiegrensMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as axes asks: it turns a lockout during login into the Dutch lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hengelo_sd.urls"
WSGI_APPLICATION = "hengelo_sd.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.informatiepiramide",
                "rapportage.context_processors.versheid",
                "bronnen.context_processors.uitvoeringsplan",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Persistent connections: several app servers share one PostgreSQL (README, "Uitrol").
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The background worker (db_worker) writes while the web process serves pages. WAL lets readers go on during
    # a write; IMMEDIATE takes the write lock when a transaction begins, so two writers queue (up to `timeout`
    # seconds) instead of failing halfway with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_TIMEOUT", default=20),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes first: it refuses a locked-out login before the password is checked, and counts failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Sessions expire after a working day and when the browser closes.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Decimal comma from the nl locale (47,3), but no automatic thousands dot: Django cannot tell a year (or an id)
# from an amount, so every integer template output became "2.023". Figures that want grouping (1.605,
# € 1.506.000) go through kern.notatie.format_getal (filters `getal`, `bedrag`, `cijfer`, `klein_aantal`).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Third-party assets come from npm (package-lock.json); nothing is copied in. Plotly.js is the partial bundle
# plotly.js-basic-dist-min (scatter and bar, 1,2 MB), not the 4,7 MB full bundle inside the Python plotly package.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    (
        "vendor/voorbeeld-theme",
        NODE_MODULES / "@nl-design-system-unstable" / "voorbeeld-design-tokens" / "dist",
    ),
    ("vendor/noto-sans", NODE_MODULES / "@fontsource" / "noto-sans"),
    ("vendor/plotly", NODE_MODULES / "plotly.js-basic-dist-min"),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # vendor/plotly/plotly.css: plotly.js's own rules read from the installed bundle (see the CSP below).
    "hengelo_sd.plotly_stijl.PlotlyStijlFinder",
    # vendor/plotly/plotly-locale-nl.js: npm plotly.js-locales' nl.js as a script that registers itself.
    "hengelo_sd.plotly_stijl.PlotlyTaalFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# WhiteNoise answers /static/ before the middleware that sets the pages' security headers runs; a static file gets
# the same Content-Security-Policy, X-Frame-Options, nosniff and Referrer-Policy from here.
WHITENOISE_ADD_HEADERS_FUNCTION = statisch_bestand

# Background jobs (imports, undo, exports, publication): django-tasks with its database backend. The queue is a
# table in the application's own database, so it works on SQLite and PostgreSQL alike; `manage.py db_worker`
# runs the jobs (README, "Achtergrondtaken"). A job that reported no heartbeat for TAKEN_HARTSLAG_MINUTEN
# (a killed worker) is shown as failed.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TAKEN_HARTSLAG_MINUTEN = env.int("TAKEN_HARTSLAG_MINUTEN", default=5)

# Mail: reminders to trekkers. Console in development, SMTP in production.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="transformatiemonitor@hengelo.nl")
# The address users reach the application at; links in e-mails start with it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Security: secure by default outside DEBUG (manage.py check --deploy is clean).
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_HTTPS_PROXY", default=True) else None
)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one account, or from one address,
# that account or address is refused for AXES_COOLOFF_TIME, even with the right password (README, "Inloggen").
# Both lock on their own: ["username", "ip_address"] means "per account OR per address", a nested list would mean
# only the combination. A success resets the count; the beheerder unlocks earlier in the admin (Inlogpogingen).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTEN", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.inlogpogingen.geblokkeerd"  # Dutch page, status 429
# Our own Dutch admin for the attempts (accounts/admin.py) replaces axes' English one.
AXES_ENABLE_ADMIN = False
# Behind the municipal reverse proxy REMOTE_ADDR is the proxy itself: every user would share one address and one
# lockout. The client is then the address the proxy appended last to X-Forwarded-For (entries further left come
# from the client and can be forged); with more proxies in a row, PROXY_AANTAL says how many to count back.
PROXY_AANTAL = env.int("PROXY_AANTAL", default=1 if SECURE_PROXY_SSL_HEADER else 0)
# X-Forwarded-For counts only on a request that comes from one of these proxies (addresses or networks, e.g.
# 10.0.0.0/8): whoever reaches gunicorn directly could otherwise forge any address and escape the lockout.
VERTROUWDE_PROXIES = env.list("VERTROUWDE_PROXIES", default=["127.0.0.1", "::1"] if PROXY_AANTAL else [])
AXES_CLIENT_IP_CALLABLE = "accounts.inlogpogingen.client_adres"

# Content-Security-Policy (django-csp): scripts, styles, fonts and images only from the application itself; the
# templates have no inline script or style (chart data travels in json_script, which is JSON, not script).
# Plotly would inject <style> elements at runtime; base.html links its rules as a stylesheet with
# id="plotly.js-style-global" class="no-inline-styles" (vendor/plotly/plotly.css, derived from the served
# bundle by hengelo_sd.plotly_stijl), which tells plotly.js (4.x) not to, so style-src needs no 'unsafe-inline'.
# plotly.js needs no eval for the SVG charts we draw.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # data: for the SVG icons in the Utrecht CSS and plotly's modebar.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Imports: one maximum per uploaded file (import page and admin import). Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not
# count files; monitoring.uploadgrens.BegrensdeUploadHandler stops storing a file once it passes this size, and
# the import forms refuse it with its size in Dutch. The reverse proxy should cap the body too (README, "Uitrol").
IMPORT_MAX_BESTANDSGROOTTE = env.int("IMPORT_MAX_BESTANDSGROOTTE", default=5 * 1024 * 1024)
# Retention, applied by `manage.py opruimen` (README, "Achtergrondtaken"). An uploaded file that an Import references
# is the evidence behind it and is kept as long as the Import (forever); only an upload that was checked but never
# committed is removed, IMPORT_BESTANDEN_BEWAARDAGEN days after its last upload. A file a job made for download (an
# export, a concept PDF) is removed EXPORT_BEWAARUREN hours after its job ended; the job page then says so.
IMPORT_BESTANDEN_BEWAARDAGEN = env.int("IMPORT_BESTANDEN_BEWAARDAGEN", default=30)
EXPORT_BEWAARUREN = env.int("EXPORT_BEWAARUREN", default=24)
FILE_UPLOAD_HANDLERS = [
    "monitoring.uploadgrens.BegrensdeUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env.int("FILE_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# The admin's history is for reading: a "revert" would write an old version past the services and their rules
# (bronnen.admin.ProgrammaAdmin refuses it too).
SIMPLE_HISTORY_REVERT_DISABLED = True

# The read-only public API (api/, README "Open API"): JSON only, no login (so no session or CSRF), GET only,
# errors as application/problem+json (api/fouten.py), the OpenAPI document from drf-spectacular (api/openapi.py).
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "EXCEPTION_HANDLER": "api.fouten.afhandelen",
    # The format follows the Accept header only; no ?format= beside the documented parameters.
    "URL_FORMAT_OVERRIDE": None,
}
# The contact of the API and the open-data catalogue (OpenAPI info.contact, DCAT contact point).
API_CONTACT_EMAIL = env("API_CONTACT_EMAIL", default="transformatiemonitor@hengelo.nl")

# Programme-specific settings.
# Counts of people below this threshold are shown as "< 10" to college, raad and inwoners.
KLEINE_AANTALLEN_DREMPEL = env.int("KLEINE_AANTALLEN_DREMPEL", default=10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint reports every layout step at INFO and fontTools every subset: noise, not events.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
