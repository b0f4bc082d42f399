"""Relatedness is measured against a labelled set, not assumed."""

from gazette.discovery.evaluation import (
    build_labelled_magazine,
    precision_at_k,
    same_section_most_recent,
)
from gazette.discovery.models import ArticleDiscovery


def stored(article_id):
    return ArticleDiscovery.objects.get(article_id=article_id).related_ids


def test_related_beats_same_section_most_recent_in_english(
    magazine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        truth = build_labelled_magazine(magazine, "en")
    ours = precision_at_k(truth, stored)
    baseline = precision_at_k(truth, same_section_most_recent)
    print(f"English precision@4: related {ours:.2f}, same section most recent {baseline:.2f}")
    assert ours >= 0.8
    assert ours > baseline + 0.3


def test_related_beats_same_section_most_recent_in_arabic(
    magazine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        truth = build_labelled_magazine(magazine, "ar")
    ours = precision_at_k(truth, stored)
    baseline = precision_at_k(truth, same_section_most_recent)
    print(f"Arabic precision@4: related {ours:.2f}, same section most recent {baseline:.2f}")
    assert ours >= 0.8
    assert ours > baseline + 0.3
