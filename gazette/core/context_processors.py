"""What every page's frame (header, navigation, footer) needs."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Site


def _locale_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    try:
        return root.get_translation(Locale.get_active())
    except root.DoesNotExist:
        return root


def _nav_sections(home):
    from gazette.news.models import SectionPage

    if not home:
        return []
    return list(SectionPage.objects.live().public().child_of(home).filter(show_in_menus=True))


def site_chrome(request):
    home = SimpleLazyObject(lambda: _locale_home(request))
    return {
        "locale_home": home,
        "nav_sections": SimpleLazyObject(lambda: _nav_sections(home)),
    }
