from wagtail import hooks

from gazette.caching import recording


@hooks.register("before_serve_page")
def note_served_page(page, request, serve_args, serve_kwargs):
    """Mark the request as a Wagtail page (cacheable) and add its listing key."""
    from gazette.home.models import HomePage
    from gazette.news.models import SectionPage

    request.gazette_page = page
    recording.add(recording.page_key(page.pk))
    if isinstance(page, SectionPage):
        recording.add(recording.section_list_key(page.pk))
    elif isinstance(page, HomePage):
        recording.add(recording.front_list_key(page.locale_id))
