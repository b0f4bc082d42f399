"""Describe a whole site for comparison: every archived row, and every live page's HTML.

Run as a script inside another installation (`python -m gazette.transfer.tests.site_snapshot
OUT.json`) to compare a restored site with the original.
"""

from __future__ import annotations

import json
import re
import sys


def rows() -> dict[str, dict]:
    """Return {model label: {pk: fields}} for every archived model."""
    from django.core import serializers

    from gazette.transfer.archive import ExactJSONEncoder
    from gazette.transfer.registry import archived_models

    snapshot = {}
    for model in archived_models():
        objects = model._base_manager.order_by("pk")
        data = json.loads(
            json.dumps(serializers.serialize("python", objects), cls=ExactJSONEncoder)
        )
        snapshot[model._meta.label_lower] = {str(item["pk"]): item["fields"] for item in data}
    return snapshot


def pages() -> dict[str, str]:
    """Return {url: rendered HTML} for every live page, and a few listings."""
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    rendered = {}
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    for url in sorted(u for u in urls if u):
        response = client.get(url)
        html = response.content.decode()
        rendered[url] = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
        rendered[url + " status"] = str(response.status_code)
    return rendered


def content_type_labels() -> dict[str, str]:
    from django.contrib.contenttypes.models import ContentType

    return {str(ct.pk): f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()}


def snapshot() -> dict:
    return {"rows": rows(), "pages": pages(), "content_types": content_type_labels()}


if __name__ == "__main__":
    import django

    django.setup()
    with open(sys.argv[1], "w") as handle:
        json.dump(snapshot(), handle)
