"""What every page's frame (header, navigation, footer) needs."""

from django.utils.functional import SimpleLazyObject

from gazette.core.frame import frame_for


def site_chrome(request):
    frame = SimpleLazyObject(lambda: frame_for(request))
    return {
        "frame": frame,
        "locale_home": SimpleLazyObject(lambda: frame.home),
        "nav_sections": SimpleLazyObject(lambda: frame.sections),
    }
