"""The article editor as a writer meets it: the form starts right for the section."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, magazine):
    user = get_user_model().objects.create_superuser("chief", "chief@gazette.localhost", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("section", ["opinion", "report", "news"])
def test_a_new_article_starts_as_its_sections_kind(staff_client, magazine, section):
    parent = magazine["sections"][section]
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", parent.pk])
    html = staff_client.get(url).content.decode()
    kind = re.search(r'<select name="kind".*?</select>', html, re.S).group(0)
    selected = re.findall(r'<option value="(\w+)" selected>', kind)
    assert selected == [parent.specific.default_kind]


def test_the_slug_follows_the_headline(staff_client, magazine):
    """The slug sits on the SEO tab: without the headline filling it, a writer's first
    save fails on a field they cannot see."""
    parent = magazine["sections"]["opinion"]
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", parent.pk])
    html = staff_client.get(url).content.decode()
    title = re.search(r'<input[^>]*id="id_title"[^>]*>', html).group(0)
    assert 'data-controller="w-sync"' in title and 'data-w-sync-target-value="#id_slug"' in title
