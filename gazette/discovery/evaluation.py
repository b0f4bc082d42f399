"""A small labelled set for measuring "You May Also Like", and precision@k.

Stories run as series of five pieces (the first report and its follow-ups), spread over
sections and dates the way a newsroom publishes them, so "same section, most recent"
is a fair but naive baseline. An article's true relatives are the other pieces of its
series. English has six series; Arabic has three, written independently (not
translated), to test Arabic normalisation and stemming.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from wagtail.rich_text import RichText

PER_SERIES = 5

SERIES_EN = {
    "harbour": (
        [
            "Harbour authority approves a second berth for container ships",
            "Dredging contract for the new berth goes to a local firm",
            "Ships still queue at anchor as berth works fall behind",
            "Importers count the cost of congestion at the port",
            "New container berth opens after two years of delays",
        ],
        [
            "The harbour authority voted to build a second container berth at the southern quay.",
            "Shipping lines say vessels waited up to four days at anchor before berthing.",
            "Dredging of the harbour channel will deepen it for larger container ships.",
            "Importers say demurrage charges at the port have doubled this year.",
            "The port authority blamed the dredging schedule for the delays at the quay.",
            "Cranes for the new berth arrived by sea from the manufacturer.",
            "Container traffic through the harbour has grown every quarter.",
            "Freight forwarders want the port to work night shifts at the berths.",
        ],
    ),
    "water": (
        [
            "City rations tap water as reservoirs fall to a record low",
            "Tankers fill the gap as water rationing enters a second month",
            "Rain brings little relief to the empty reservoirs",
            "Leaking pipes lose a third of the city's drinking water",
            "Desalination plant promised to end the water shortage",
        ],
        [
            "Households now receive tap water only three days a week under the rationing plan.",
            "The reservoirs that supply the city are at their lowest level on record.",
            "Private water tankers have raised their prices as the shortage deepens.",
            "Engineers say old pipes leak much of the drinking water before it reaches homes.",
            "The water utility asked residents to store water safely and report leaks.",
            "Farmers upstream have been told to cut irrigation from the river.",
            "A desalination plant on the coast would add fresh water for half a million people.",
            "Rationing schedules for each district are posted by the water utility.",
        ],
    ),
    "elections": (
        [
            "Municipal elections set for October after two years of delay",
            "Candidates register as the municipal campaign opens",
            "Election observers warn about the voter register",
            "Turnout falls in municipal elections marked by boycotts",
            "New councils sworn in after disputed municipal vote",
        ],
        [
            "The electoral commission confirmed the date of the municipal elections.",
            "Hundreds of candidates registered lists for the municipal councils.",
            "Observers found names of dead voters on the electoral register.",
            "Several parties announced a boycott of the municipal vote.",
            "Turnout at polling stations was lower than at the last elections.",
            "Councillors elected in the vote will serve four years.",
            "The campaign rules limit spending by candidates and their lists.",
            "Ballot counting continued overnight in the larger municipalities.",
        ],
    ),
    "heatwave": (
        [
            "Heatwave pushes the power grid to its limit",
            "Rolling blackouts return as temperatures pass 45 degrees",
            "Hospitals treat dozens for heatstroke during the blackout",
            "Grid operator promises new solar capacity before next summer",
            "Air conditioners strain the electricity network in the heat",
        ],
        [
            "Electricity demand hit a record as the heatwave reached its third day.",
            "The grid operator cut power to districts in rotation to avoid a collapse.",
            "Temperatures above 45 degrees kept people indoors with air conditioning running.",
            "Doctors warned older people about heatstroke during the power cuts.",
            "Solar farms in the south will add capacity to the electricity grid next year.",
            "Generators sold out in shops as the blackouts spread.",
            "The power station on the coast tripped twice during the afternoon peak.",
            "Meteorologists expect the heat to last until the end of the week.",
        ],
    ),
    "rates": (
        [
            "Central bank raises interest rates to fight inflation",
            "Inflation eases slightly but food prices keep climbing",
            "Borrowers feel the squeeze of higher interest rates",
            "Currency steadies after the central bank's rate decision",
            "Mortgage lending slows as rates stay high",
        ],
        [
            "The central bank raised its benchmark interest rate by half a point.",
            "Annual inflation slowed but the price of bread and vegetables kept rising.",
            "Households with loans now pay more each month to their banks.",
            "The governor of the central bank said inflation must come down first.",
            "Mortgage applications fell as lenders passed on the higher rates.",
            "The currency gained against the dollar after the rate decision.",
            "Economists expect the bank to hold rates at its next meeting.",
            "Small businesses say credit has become too expensive to borrow.",
        ],
    ),
    "football": (
        [
            "National team qualifies for the continental cup",
            "Coach names a young squad for the continental cup",
            "Star striker injured before the cup opener",
            "National team beats the holders in the group stage",
            "Cup run ends in a penalty shootout in the quarter-final",
        ],
        [
            "The national football team secured qualification with a late goal.",
            "The coach picked six players under the age of twenty-one for the squad.",
            "The striker tore a hamstring in training and misses the tournament.",
            "Fans travelled in thousands to watch the team's opening match of the cup.",
            "The goalkeeper saved two penalties in the shootout but the team lost.",
            "The federation extended the coach's contract until the next cup.",
            "Supporters filled the stadium for the final qualifying match.",
            "The defence conceded only one goal in the group stage.",
        ],
    ),
}

SERIES_AR = {
    "harbour_ar": (
        [
            "سلطة الميناء توافق على رصيف ثانٍ لسفن الحاويات",
            "عقد تعميق القناة للرصيف الجديد يذهب إلى شركة محلية",
            "السفن تنتظر في المرسى مع تأخر أعمال الرصيف",
            "المستوردون يحصون كلفة الازدحام في الميناء",
            "افتتاح رصيف الحاويات الجديد بعد عامين من التأخير",
        ],
        [
            "صوّتت سلطة الميناء على بناء رصيفٍ ثانٍ للحاويات عند الرصيف الجنوبي.",
            "تقول شركات الشحن إن السفن انتظرت أربعة أيام في المرسى قبل الرسوّ.",
            "سيُعمَّق مجرى الميناء لاستقبال سفن حاويات أكبر.",
            "يقول المستوردون إن رسوم التأخير في الميناء تضاعفت هذا العام.",
            "حمّلت إدارة الميناء جدولَ التعميق مسؤوليةَ تأخّر الأرصفة.",
            "وصلت الرافعات الخاصة بالرصيف الجديد بحراً من المصنع.",
            "ازدادت حركة الحاويات عبر الميناء في كل فصل.",
            "يطالب وكلاء الشحن بتشغيل الأرصفة في نوبات ليلية.",
        ],
    ),
    "water_ar": (
        [
            "المدينة تقنّن مياه الصنبور مع انخفاض الخزانات إلى مستوى قياسي",
            "الصهاريج تسدّ النقص مع دخول تقنين المياه شهره الثاني",
            "الأمطار لا تخفّف كثيراً عن الخزانات الفارغة",
            "الأنابيب المتسرّبة تهدر ثلث مياه الشرب في المدينة",
            "وعدٌ بمحطة تحلية تنهي أزمة المياه",
        ],
        [
            "تحصل الأسر الآن على مياه الصنبور ثلاثة أيام فقط في الأسبوع بموجب خطة التقنين.",
            "بلغت الخزانات التي تزوّد المدينة بالمياه أدنى مستوى لها.",
            "رفعت الصهاريج الخاصة أسعار المياه مع اشتداد الأزمة.",
            "يقول المهندسون إن الأنابيب القديمة تهدر مياه الشرب قبل وصولها إلى المنازل.",
            "طلبت مصلحة المياه من السكان تخزين المياه بأمان والإبلاغ عن التسرّب.",
            "طُلب من المزارعين خفض الريّ من مياه النهر.",
            "ستضيف محطة تحلية على الساحل مياهاً عذبة لنصف مليون شخص.",
            "تنشر مصلحة المياه جداول التقنين لكل حيّ.",
        ],
    ),
    "elections_ar": (
        [
            "الانتخابات البلدية في تشرين الأول بعد عامين من التأجيل",
            "المرشحون يسجّلون مع انطلاق الحملة الانتخابية البلدية",
            "مراقبو الانتخابات يحذّرون من سجلّ الناخبين",
            "تراجع الإقبال في انتخابات بلدية طبعتها المقاطعة",
            "المجالس البلدية الجديدة تؤدي اليمين بعد اقتراع متنازع عليه",
        ],
        [
            "أكّدت الهيئة الانتخابية موعد الانتخابات البلدية.",
            "سجّل مئات المرشحين قوائمهم للمجالس البلدية.",
            "وجد المراقبون أسماء ناخبين متوفَّين في السجلّ الانتخابي.",
            "أعلنت أحزاب عدّة مقاطعة الاقتراع البلدي.",
            "كان الإقبال على مراكز الاقتراع أدنى من الانتخابات السابقة.",
            "سيخدم أعضاء المجالس المنتخبون أربع سنوات.",
            "تحدّ قواعد الحملة من إنفاق المرشحين وقوائمهم.",
            "استمرّ فرز الأصوات طوال الليل في البلديات الكبرى.",
        ],
    ),
}

FILLER_EN = [
    "Officials declined to comment on the figures.",
    "The ministry said a full report would be published next month.",
    "Residents interviewed on Tuesday were divided.",
    "Critics say the government acted too slowly.",
    "The decision follows months of public debate in the capital.",
    "Analysts expect further announcements before the end of the year.",
]
FILLER_AR = [
    "رفض المسؤولون التعليق على الأرقام.",
    "قالت الوزارة إن تقريراً كاملاً سيصدر الشهر المقبل.",
    "انقسم السكان الذين تحدّثنا إليهم يوم الثلاثاء.",
    "يقول المنتقدون إن الحكومة تأخّرت في التحرك.",
    "يأتي القرار بعد أشهر من النقاش العام في العاصمة.",
]


@dataclass
class LabelledArticle:
    series: str
    title: str
    standfirst: str
    paragraphs: list[str]
    section: str
    days_ago: int


def labelled_articles(language: str = "en", seed: int = 7) -> list[LabelledArticle]:
    """The labelled set for one language, deterministic for a seed."""
    rng = random.Random(seed)
    series = SERIES_EN if language == "en" else SERIES_AR
    filler = FILLER_EN if language == "en" else FILLER_AR
    sections = ["news", "opinion", "report"]
    articles = []
    for s_index, (name, (headlines, sentences)) in enumerate(series.items()):
        for i, headline in enumerate(headlines[:PER_SERIES]):
            picked = rng.sample(sentences, 3)
            articles.append(
                LabelledArticle(
                    series=name,
                    title=headline,
                    standfirst=picked[0],
                    paragraphs=[*picked[1:], *rng.sample(filler, 2)],
                    # Series cross sections, and pieces of different series interleave in
                    # time, as they do in a real newsroom.
                    section=sections[(s_index + i) % len(sections)],
                    days_ago=i * 9 + s_index,
                )
            )
    return articles


def build_labelled_magazine(magazine: dict, language: str = "en", author=None) -> dict[int, str]:
    """Publish the labelled set into a test magazine; page id → series."""
    from gazette.testing.factories import make_article

    key = "sections" if language == "en" else "sections_ar"
    truth = {}
    for item in labelled_articles(language):
        page = make_article(
            magazine[key][item.section],
            title=item.title,
            standfirst=item.standfirst,
            body=[("paragraph", RichText(f"<p>{p}</p>")) for p in item.paragraphs],
            authors=[author] if author else (),
            days_ago=item.days_ago,
        )
        truth[page.pk] = item.series
    return truth


def precision_at_k(truth: dict[int, str], recommend: Callable[[int], list[int]], k: int = 4):
    """Mean share of the first k recommendations that belong to the article's series."""
    scores = []
    for article_id, series in truth.items():
        shown = recommend(article_id)[:k]
        scores.append(sum(1 for pk in shown if truth.get(pk) == series) / k)
    return sum(scores) / len(scores)


def same_section_most_recent(article_id: int, k: int = 4) -> list[int]:
    """The baseline: the newest other articles of the same section."""
    from gazette.news.models import ArticlePage

    article = ArticlePage.objects.get(pk=article_id)
    parent = article.path[: len(article.path) - article.steplen]
    return list(
        ArticlePage.objects.live()
        .filter(path__startswith=parent, depth=article.depth, locale_id=article.locale_id)
        .exclude(pk=article_id)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[:k]
    )
