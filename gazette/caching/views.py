"""The site's error view, aware of database outages."""

import sys

from gazette.caching.outage import is_database_outage, outage_response
from gazette.core.views import server_error as core_server_error


def server_error(request):
    """A database outage anywhere (middleware, templates) is a 503, not a 500."""
    if is_database_outage(sys.exc_info()[1]):
        return outage_response(request)
    return core_server_error(request)
