"""The demo magazine comes with newsletters a reader can join from the box, in both languages."""

from __future__ import annotations

from gazette.newsletter.actions import default_newsletters
from gazette.newsletter.demo import gazette_demo_newsletters
from gazette.newsletter.models import Newsletter


def test_the_demo_offers_a_newsletter_in_each_language_and_builds_again_safely(magazine):
    assert gazette_demo_newsletters(write=lambda _message: None) == {"newsletters": 3}

    assert [n.slug for n in default_newsletters("en")] == ["daily"]
    assert [n.slug for n in default_newsletters("ar")] == ["daily-ar"]
    weekly = Newsletter.objects.get(slug="opinion-weekly")
    assert list(weekly.sections.all()) == [magazine["sections"]["opinion"]]
    assert all(n.postal_address for n in Newsletter.objects.all())
    assert gazette_demo_newsletters(write=lambda _message: None) == {"newsletters": 0}
