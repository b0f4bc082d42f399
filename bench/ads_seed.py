"""Seed a throw-away database for bench/ads_endpoints.sh: a small magazine and the demo ads."""

from wagtail.models import Page

from gazette.ads.demo import gazette_demo_ads
from gazette.ads.models import Creative
from gazette.testing.factories import make_article, make_author, make_magazine

for page in Page.objects.filter(depth=2):
    page.delete()  # Wagtail's welcome page
magazine = make_magazine()
writer = make_author("Bench Writer")
article = make_article(magazine["sections"]["opinion"], authors=[writer], slug="bench-story")
gazette_demo_ads(write=lambda _: None)
creative = Creative.objects.filter(campaign__is_house=False, kind="image").first()
section = article.get_parent().pk
print(f"ARTICLE={article.url} SECTION={section} CREATIVE={creative.pk}")
