"""Tell robots from readers, so crawlers and previews never count as impressions or clicks."""

from __future__ import annotations

import re

from django.http import HttpRequest

BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"headlesschrome|phantomjs|lighthouse|pagespeed|pingdom|uptime|monitor|"
    r"curl/|wget/|python-requests|python-urllib|httpx|aiohttp|go-http-client|java/|"
    r"okhttp|libwww|scrapy|node-fetch|axios/",
    re.IGNORECASE,
)


def is_bot(request: HttpRequest) -> bool:
    """Is this request from a crawler, a link preview, a prefetch or a headless browser?"""
    agent = request.headers.get("User-Agent", "")
    if not agent.strip() or BOT_PATTERN.search(agent):
        return True
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" in purpose.lower() or "prerender" in purpose.lower()
