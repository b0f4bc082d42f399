"""WSGI entry point for production servers (granian, gunicorn)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gazette.settings")

django_application = get_wsgi_application()

# Cached pages are answered before Django is entered (gazette/caching/wsgi.py).
from gazette.caching.wsgi import CachedPagesFront  # noqa: E402

application = CachedPagesFront(django_application)

# View beacons skip Django's middleware (see gazette/discovery/wsgi.py); GAZETTE_BEACON_FAST_PATH=0
# sends them through Django like any other request.
if os.environ.get("GAZETTE_BEACON_FAST_PATH", "1") != "0":
    from gazette.discovery.wsgi import with_beacon_fast_path

    application = with_beacon_fast_path(application)
