from gazette.home.models import HomePage
from gazette.news.models import ArticlePage, SectionPage


def test_articles_live_only_in_sections():
    assert ArticlePage.allowed_parent_page_models() == [SectionPage]
    assert ArticlePage.allowed_subpage_models() == []


def test_sections_live_only_under_the_front_page():
    assert SectionPage.allowed_parent_page_models() == [HomePage]
    assert SectionPage.allowed_subpage_models() == [ArticlePage]


def test_front_page_holds_sections_only(magazine):
    home = magazine["home"]
    assert HomePage.allowed_subpage_models() == [SectionPage]
    assert not HomePage.can_create_at(home)  # no front page inside a front page
    assert SectionPage.can_create_at(home)
    assert not ArticlePage.can_create_at(home)
