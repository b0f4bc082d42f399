"""Believable bilingual magazine prose for the demo generator, built only from the stdlib."""

from __future__ import annotations

import random
import re
import zlib

__all__ = ["PLACES", "TAGS", "arabic_pairs", "author_profiles", "english_articles"]

# Data notation: "== topic" starts a topic; "key: text" adds an entry; indented lines continue it.
# " || " separates English from Arabic (roles: English || Arabic masculine || Arabic feminine),
# " >> " separates a headline from its lede or standfirst (images: subject >> caption).
# {place}, {issue}, {scene} are filled per article; {a:3-9}, {b:100-900/50}, {d:1.2-3.4} are
# numbers drawn once per block and shared by name between the English and Arabic versions.

TAGS = {
    "Water": "مياه",
    "Climate": "مناخ",
    "Cities": "مدن",
    "Health": "صحة",
    "Finance": "تمويل",
    "Technology": "تكنولوجيا",
    "Economy": "اقتصاد",
    "Women": "المرأة",
    "Jobs": "وظائف",
    "Food": "غذاء",
    "Trade": "تجارة",
    "Refugees": "لاجئون",
    "Reconstruction": "إعادة الإعمار",
    "Local Government": "حكم محلي",
    "Elections": "انتخابات",
    "Youth": "شباب",
    "Transport": "نقل",
    "Heritage": "تراث",
    "Archaeology": "آثار",
    "Tourism": "سياحة",
    "Housing": "إسكان",
    "Shipping": "شحن بحري",
    "Education": "تعليم",
    "Energy": "طاقة",
    "Media": "إعلام",
    "Football": "كرة القدم",
    "Sport": "رياضة",
    "Cinema": "سينما",
    "Culture": "ثقافة",
    "Books": "كتب",
}

# (English, Arabic, coastal)
PLACES = [
    ("Marsa Zahra", "مرسى الزهراء", True),
    ("Wadi Salaf", "وادي السلف", False),
    ("Ras al-Ghadir", "رأس الغدير", True),
    ("Tal Sirin", "تل سيرين", False),
    ("Khor Lulu", "خور لؤلؤ", True),
    ("Kafr Lamis", "كفر لميس", False),
    ("Nahr Salim", "نهر سليم", False),
    ("Bir Sahil", "بئر ساحل", True),
    ("Dhahrat al-Sidr", "ظهرة السدر", False),
    ("Jisr al-Qamar", "جسر القمر", False),
    ("Saqiyat al-Rihan", "ساقية الريحان", False),
    ("Hisn Nada", "حصن ندى", True),
]

# People quoted in articles (never authors) are drawn from these names: (English, Arabic).
_FIRST = {
    "m": [
        ("Samir", "سمير"), ("Fadi", "فادي"), ("Walid", "وليد"), ("Nabil", "نبيل"),
        ("Khaled", "خالد"), ("Rami", "رامي"), ("Tamer", "تامر"), ("Imad", "عماد"),
        ("Youssef", "يوسف"), ("Jamal", "جمال"), ("Adel", "عادل"), ("Bilal", "بلال"),
        ("Hassan", "حسن"), ("Ayman", "أيمن"), ("Ziad", "زياد"), ("Majed", "ماجد"),
    ],
    "f": [
        ("Hana", "هناء"), ("Rana", "رنا"), ("Mona", "منى"), ("Dalia", "داليا"),
        ("Reem", "ريم"), ("Lina", "لينا"), ("Suha", "سهى"), ("Nour", "نور"),
        ("Samira", "سميرة"), ("Aya", "آية"), ("Huda", "هدى"), ("Ghada", "غادة"),
        ("Farah", "فرح"), ("Yasmin", "ياسمين"), ("Salwa", "سلوى"), ("Lubna", "لبنى"),
    ],
}  # fmt: skip
_SURNAMES = [
    ("Khoury", "خوري"), ("Nasser", "ناصر"), ("Jaber", "جابر"), ("Azar", "عازار"),
    ("Mansour", "منصور"), ("Hijazi", "حجازي"), ("Sabri", "صبري"), ("Rahal", "رحّال"),
    ("Bitar", "بيطار"), ("Shaheen", "شاهين"), ("Mourad", "مراد"), ("Zein", "زين"),
    ("Fakhoury", "فاخوري"), ("Tabbara", "طبارة"), ("Saleh", "صالح"), ("Khalil", "خليل"),
    ("Aziz", "عزيز"), ("Hamdan", "حمدان"), ("Jarrar", "جرار"), ("Sayegh", "صايغ"),
    ("Barakat", "بركات"), ("Hajj", "حاج"), ("Qadri", "قادري"), ("Nimr", "نمر"),
    ("Karam", "كرم"), ("Shami", "شامي"), ("Eid", "عيد"), ("Rizk", "رزق"),
    ("Daher", "ضاهر"), ("Mattar", "مطر"), ("Sleiman", "سليمان"), ("Obeid", "عبيد"),
    ("Halabi", "حلبي"), ("Masri", "مصري"), ("Najjar", "نجار"), ("Sharif", "شريف"),
    ("Tannous", "طنوس"), ("Ghanem", "غانم"), ("Yassin", "ياسين"), ("Bazzi", "بزي"),
]  # fmt: skip

_GENERIC = """
== generic
open_rep: On an ordinary weekday morning in {place}, it does not take long for conversation to turn
  to {issue}. In cafés, at bus stops and in the corridors of the municipal building, almost
  everyone has a story to tell. || في صباح يوم عادي في {place}، لا يطول الوقت قبل أن يتحول الحديث
  إلى {issue}. ففي المقاهي ومحطات الحافلات وأروقة مبنى البلدية، لدى الجميع تقريبًا قصة يرويها.
open_rep: Officials in {place} like to say that the authorities have a plan for {issue}. The
  residents we spoke to over the past month describe something more complicated. || يحب المسؤولون
  في {place} القول إن لدى السلطات خطة بشأن {issue}، لكن السكان الذين تحدثنا إليهم خلال الشهر الماضي
  يصفون واقعًا أكثر تعقيدًا.
open_rep: Opinions in {place} rarely divide as sharply as they do over {issue}, and rarely has a
  subject produced so many reports with so little follow-up. || قلّما تنقسم الآراء في {place} بحدة
  كما تنقسم حول {issue}، وقلّما أنتج موضوعٌ هذا العدد من التقارير مع هذا القدر الضئيل من المتابعة.
mid_rep: The debate over {issue} is not new in {place}, but the figures published this season have
  given it an urgency that council meetings long lacked. || ليس الجدل حول {issue} جديدًا في
  {place}، لكن الأرقام التي نُشرت هذا الموسم منحته إلحاحًا طالما افتقدته اجتماعات المجلس.
mid_rep: Critics are less convinced. They argue that the measures announced so far treat symptoms
  rather than causes, and that residents of poorer neighbourhoods will once again carry most of the
  cost. || غير أن المنتقدين أقل اقتناعًا، إذ يرون أن الإجراءات المعلنة حتى الآن تعالج الأعراض لا
  الأسباب، وأن سكان الأحياء الأفقر سيتحملون مرة أخرى الجزء الأكبر من الكلفة.
mid_rep: Officials say a fuller plan will be presented to the council within {a:3-6} months, after
  consultation with residents, business owners and civil society groups. || ويقول مسؤولون إن خطة
  أشمل ستُعرض على المجلس في غضون {a} أشهر، بعد التشاور مع السكان وأصحاب الأعمال ومنظمات المجتمع
  المدني.
mid_rep: Comparable cities in the region have tried similar measures with mixed results. Where they
  worked, officials say, it was because the money arrived on time and the data were made public. ||
  وقد جرّبت مدن مماثلة في المنطقة إجراءات شبيهة بنتائج متفاوتة. ويقول مسؤولون إنها نجحت حيث وصلت
  الأموال في موعدها ونُشرت البيانات للعموم.
mid_rep: A municipal survey carried out this spring found that {a:52-78} percent of residents in
  {place} rate the issue as serious or very serious, up from {b:30-45} percent three years ago. ||
  ووجد استطلاع أجرته البلدية هذا الربيع أن {a} في المئة من سكان {place} يصنّفون المسألة خطيرة أو
  خطيرة جدًا، مقارنة بـ{b} في المئة قبل ثلاث سنوات.
mid_rep: The figures are not disputed. What they mean is. Officials read them as evidence that the
  worst is over; residents and independent experts see a problem that has merely stopped getting
  worse.
mid_rep: Part of the difficulty is that responsibility is spread across several bodies: a ministry
  in the capital sets the rules, the municipality carries them out, and a regional directorate
  holds much of the money.
mid_rep: Much depends on the next budget. Officials say funding has been agreed in principle, but
  the finance ministry has yet to confirm the figures, and previous commitments have been trimmed
  at the last moment.
mid_rep: International lenders have taken an interest, offering technical assistance and
  concessional loans, though the conditions attached are still being negotiated.
mid_rep: Not everyone is waiting for the authorities. Neighbourhood committees, small businesses
  and volunteers have begun to fill some of the gaps, often with little more than a shared
  spreadsheet and a group chat. || ولا ينتظر الجميع السلطات؛ فقد بدأت لجان الأحياء وأصحاب المشاريع
  الصغيرة والمتطوعون سدّ بعض الثغرات، غالبًا بأدوات لا تتجاوز جدول بيانات مشتركًا ومجموعة دردشة.
close_rep: For now, the people of {place} are doing what they have always done: adapting,
  complaining and waiting to see whether this time the promises hold. || أما الآن، فيفعل أهالي
  {place} ما اعتادوا فعله دائمًا: يتكيّفون ويشتكون وينتظرون ليروا إن كانت الوعود ستصمد هذه المرة.
close_rep: The council is due to vote on the proposals next month. Whatever it decides, few in
  {place} expect the argument over {issue} to end there. || ومن المقرر أن يصوّت المجلس على
  المقترحات الشهر المقبل. وأيًّا كان قراره، فقلّة في {place} يتوقعون أن ينتهي الجدل حول {issue} عند
  هذا الحد.
close_rep: Asked what would count as success, several residents of {place} gave the same answer:
  not a new announcement, but a year in which nobody needs to complain.
close_rep: Whether the promises survive the next budget round is another matter. In {place}, people
  have learned to judge projects by what is finished, not by what is announced. || أما صمود الوعود
  حتى جولة الموازنة المقبلة فمسألة أخرى، ففي {place} تعلّم الناس أن يحكموا على المشاريع بما يُنجَز
  لا بما يُعلَن.
open_an: To understand why {issue} has become so pressing in {place}, it helps to start with three
  numbers: what the city spends, what it collects and what it has already promised.
open_an: The official explanation for the state of {issue} in {place} is a shortage of money. The
  fuller explanation involves priorities, institutions and timing.
mid_an: Three factors explain the current impasse: budgets set in the capital, institutions that
  rarely share data, and a political calendar that rewards announcements over maintenance.
mid_an: Seen in regional perspective, {place} is neither an outlier nor a model. Similar cities
  have faced the same trade-offs and resolved them in different ways, usually depending on who was
  willing to bear the short-term cost.
mid_an: The risk is that reform stalls halfway, with enough change to create losers but not enough
  to produce visible winners.
mid_an: What would change the picture? Economists and officials interviewed for this article point
  to the same short list: reliable data, multi-year budgets and a clear line of responsibility.
open_op: Every year, {place} has the same conversation about {issue}, and every year it ends in the
  same place: a promise, a committee and the hope that next year will be kinder. || في كل عام يدور
  في {place} النقاش نفسه حول {issue}، وفي كل عام ينتهي إلى المكان نفسه: وعدٌ ولجنةٌ وأملٌ بأن يكون
  العام المقبل أرحم.
open_op: I have written about {issue} for long enough to recognise the pattern. A bad season brings
  headlines, headlines bring promises, and the promises fade with the headlines. || كتبتُ عن
  {issue} وقتًا كافيًا لأتعرّف إلى النمط: موسم سيئ يجلب العناوين، والعناوين تجلب الوعود، ثم تتلاشى
  الوعود مع العناوين.
open_op: There is a particular kind of silence that follows a press conference in {place}. It is
  the sound of everyone waiting to see whether anything will actually happen on {issue}.
open_op: Let me begin with a confession: on {issue}, I was once on the side of patience. I am no
  longer. || أبدأ باعتراف: في ملف {issue}، كنت يومًا في صف الصبر، ولم أعد كذلك.
mid_op: I do not write this to be contrarian. I write it because I have sat through enough press
  conferences to recognise a plan that is mostly announcement. || لا أكتب هذا بدافع المخالفة، بل
  لأنني حضرت ما يكفي من المؤتمرات الصحفية لأميّز الخطة التي يغلب عليها الإعلان.
mid_op: None of this requires heroism. It requires officials to treat residents as partners rather
  than as an audience. || لا يتطلب شيء من هذا بطولة، بل يتطلب أن يعامل المسؤولون السكانَ شركاءَ لا
  جمهورًا.
mid_op: Some readers will say I am asking too much of a council with a thin budget and a long list
  of emergencies. Perhaps. But every emergency on that list was once a problem someone decided
  could wait. || سيقول بعض القرّاء إنني أطلب الكثير من مجلس بموازنة شحيحة وقائمة طويلة من الطوارئ.
  ربما. لكن كل حالة طارئة في تلك القائمة كانت يومًا مشكلة قرّر أحدهم أنها تحتمل الانتظار.
mid_op: It is tempting to blame a single minister or a single council. The truth is less
  satisfying: this is the product of many small decisions, each defensible on its own, that
  together add up to neglect.
mid_op: We have been here before. The reports were written, the recommendations were accepted, and
  the folders went back on the shelf.
mid_op: Consider what a serious approach would look like: a published target, a named official
  responsible for it, and a report to the council every quarter, whether the news is good or bad.
mid_op: Every delay has a cost, even if it never appears in a budget. It is paid in time, in money
  and in the slow loss of trust between residents and the people who govern them. || لكل تأخير ثمن،
  حتى لو لم يظهر في أي موازنة، ثمنٌ يُدفع من الوقت والمال، ومن التآكل البطيء للثقة بين السكان ومن
  يديرون شؤونهم.
mid_op: I am not asking for miracles. I am asking for a timetable, a budget line and a name: the
  official who will answer for the results. || لا أطلب معجزات، بل جدولًا زمنيًا وبندًا في الموازنة
  واسمًا: المسؤول الذي سيُسأل عن النتائج.
mid_op: The data exist. The expertise exists. What is missing is the willingness to publish the
  first and listen to the second. || البيانات موجودة، والخبرة موجودة. أما ما ينقص فهو الاستعداد
  لنشر الأولى والإصغاء إلى الثانية.
elab: It sounds obvious. It has nonetheless been ignored for years. || يبدو هذا بديهيًا، ومع ذلك
  جرى تجاهله لسنوات.
elab: Nobody I spoke to while preparing this column disagreed, but few will say so in public. || لم
  يعترض على ذلك أحد ممن تحدثت إليهم في أثناء إعداد هذا المقال، لكن قلة منهم سيقولونه علنًا.
elab: That is not a radical idea. It is how well-run cities elsewhere already work. || ليست هذه
  فكرة جذرية، بل هي الطريقة التي تعمل بها بالفعل مدن تُدار جيدًا في أماكن أخرى.
elab: The evidence for this is not new, and neither is the reluctance to act on it. || والأدلة على
  ذلك ليست جديدة، وكذلك التردد في العمل بها.
elab: Ask anyone who deals with the problem every day, and you will hear the same thing. || اسألوا
  أي شخص يتعامل مع المشكلة يوميًا، وستسمعون الكلام نفسه.
elab: This should be the starting point of any serious policy, not an afterthought. || يجب أن يكون
  هذا نقطة الانطلاق لأي سياسة جادة، لا فكرة تأتي لاحقًا.
elab: We know this, and we have known it for a long time. || نعرف هذا، ونعرفه منذ زمن طويل.
elab: The question is not whether this is true, but why it is so rarely acted upon. || والسؤال ليس
  إن كان هذا صحيحًا، بل لماذا نادرًا ما يُعمل به.
factlead: Consider the numbers. || لننظر إلى الأرقام.
factlead: The figures are worth repeating. || والأرقام تستحق التكرار.
factlead: This is not a matter of impressions. || والمسألة ليست مسألة انطباعات.
close_op: The people of {place} deserve better than another season of announcements. They deserve a
  plan that can be measured, and officials willing to be measured by it. || يستحق أهل {place} أكثر
  من موسم آخر من الإعلانات؛ يستحقون خطة يمكن قياسها، ومسؤولين مستعدين لأن يُقاس أداؤهم بها.
close_op: The next budget will tell us whether anyone was listening. I am not optimistic, but I
  would be glad to be proved wrong. || ستخبرنا الموازنة المقبلة إن كان أحد يصغي. لستُ متفائلًا،
  لكنني سأكون سعيدًا إن ثبت خطئي.
close_op: Until then, I will keep writing about {issue}, and I suspect I will keep writing the same
  column. || وإلى ذلك الحين، سأواصل الكتابة عن {issue}، وأظن أنني سأواصل كتابة المقال نفسه.
close_news: The municipality said further details would be announced in the coming weeks. || وقالت
  البلدية إنها ستعلن مزيدًا من التفاصيل خلال الأسابيع المقبلة.
close_news: The council is expected to discuss the matter at its next session. || ومن المتوقع أن
  يناقش المجلس المسألة في جلسته المقبلة.
close_news: Residents can submit comments through the municipality's website until the end of the
  month. || ويمكن للسكان تقديم ملاحظاتهم عبر الموقع الإلكتروني للبلدية حتى نهاية الشهر.
sub: What happens next? || ماذا بعد؟
sub: Who pays? || من يدفع الثمن؟
sub: What do the numbers say? || ماذا تقول الأرقام؟
sub: A question of trust || مسألة ثقة
sub: Why now? || لماذا الآن؟
sub: Is there another way? || هل من طريق آخر؟
fu-official: We are not pretending the problem is solved. We are saying that for the first time
  there is a plan with money attached to it. || لا ندّعي أن المشكلة حُلّت، بل نقول إن هناك للمرة
  الأولى خطة رُصدت لها أموال.
fu-expert: The measures are sensible, but the timetable is optimistic. I would judge them in two
  years, not two months. || الإجراءات معقولة لكن الجدول الزمني متفائل، وأنا سأحكم عليها بعد عامين
  لا بعد شهرين.
fu-resident: We have heard this before. If it is different this time, we will be the first to say
  so. || سمعنا هذا من قبل، وإن اختلف الأمر هذه المرة فسنكون أول من يقول ذلك.
news: Residents of {place} ask council for public hearing on {issue} >> More than {a:300-2400/100}
  residents of {place} have signed a petition asking the municipal council to hold a public hearing
  on {issue}, the organisers said on Saturday. || سكان {place} يطالبون المجلس بجلسة علنية حول
  {issue} >> وقّع أكثر من {a} من سكان {place} عريضة تطالب المجلس البلدي بعقد جلسة استماع علنية حول
  {issue}، بحسب ما أعلن المنظمون يوم السبت.
news: Survey puts {issue} among the top concerns of residents in {place} >> The question of {issue}
  ranks among the three most pressing concerns of residents in {place}, according to a survey of
  {a:800-1600/100} households published on Tuesday by the University of the Coast. || استطلاع:
  {issue} بين أبرز هموم سكان {place} >> حلّ ملف {issue} بين أكثر ثلاث قضايا تشغل سكان {place}، وفق
  استطلاع شمل {a} أسرة نشرته جامعة الساحل يوم الثلاثاء.
news: {Place} council sets up committee on {issue} >> The municipal council of {place} voted on
  Monday to set up a committee of {a:7-9} members to follow {issue}, with a mandate to report back
  within six months. || المجلس البلدي في {place} يشكّل لجنة لمتابعة ملف {issue} >> صوّت المجلس
  البلدي في {place} يوم الاثنين على تشكيل لجنة من {a} أعضاء لمتابعة ملف {issue}، على أن ترفع
  تقريرها في غضون ستة أشهر.
op: What {place} keeps getting wrong about {issue}
op: A letter to the new council in {place}: start with {issue} || رسالة إلى المجلس الجديد في
  {place}: ابدؤوا بملف {issue}
op: We have heard enough announcements on {issue}. {Place} needs a budget, a timetable and
  officials willing to be held to both
op: The quiet consensus on {issue} is wrong, and {place} is where it shows
op: On {issue}, officials in {place} have the data they need. What they lack is the nerve to use it
  || في ملف {issue}، يملك المسؤولون في {place} البيانات التي يحتاجون إليها، وما ينقصهم هو الجرأة
  على استخدامها
op: On {issue}, the people of {place} deserve better than another committee || في ملف {issue}،
  يستحق أهل {place} أكثر من لجنة أخرى
op: Everyone in {place} has an opinion on {issue}. Here is mine, and it will not be popular
rep: Inside {place}'s debate over {issue} || من داخل النقاش حول {issue} في {place}
rep: {Issue} in {place}: what the numbers say, and what they leave out || ملف {issue} في {place}:
  ماذا تقول الأرقام وماذا تُغفل؟
rep: How {place} became a test case for {issue}
rep: Beyond the headlines on {issue}: a week in {place} || ما وراء العناوين حول {issue}: أسبوع في
  {place}
rep: Six months, three promises: tracking {issue} in {place}
rep: What {place} can teach the region about {issue}
cart: {Scene}, seen from the ministry's window
cart: {Scene}: the official version
cart: {Scene}, as described in the annual report
cart: {Scene}, after the press conference
cart: A visiting delegation is briefed on {issue} in {place}
cart: The committee on {issue} meets again, in {place}
cart_para: This week's cartoon turns to {issue}, and to the distance between official statements
  and daily life in {place}.
cart_para: Drawn after another week of announcements on {issue} in {place}.
cart_para: A cartoon on {issue}, for readers in {place} and everywhere else the view from the
  window looks familiar.
stand_op: Officials in {place} have promised progress on {issue} for years. It is time to ask why
  so little has changed. || يعد المسؤولون في {place} منذ سنوات بإحراز تقدم في ملف {issue}، وقد حان
  الوقت للسؤال عن سبب ضآلة ما تغيّر.
stand_op: The debate over {issue} has been polite for too long. Here is a less polite version. ||
  ظلّ الجدل حول {issue} مهذبًا أكثر مما ينبغي، وهذه نسخة أقل تهذيبًا منه.
stand_rep: Our correspondent spent a week in {place} speaking to officials, experts and residents
  about {issue}. || أمضى مراسلنا أسبوعًا في {place} متحدثًا إلى مسؤولين وخبراء وسكان حول {issue}.
stand_rep: Official figures tell one story about {issue} in {place}. Those who live with it every
  day tell another. || تروي الأرقام الرسمية قصة عن {issue} في {place}، ويروي من يعيشون الواقع كل
  يوم قصة أخرى.
stand_an: Behind the numbers on {issue} lies a harder question about priorities, budgets and trust.
stand_an: The debate over {issue} in {place} is usually framed as a question of money. The evidence
  suggests it is at least as much about institutions.
stand_cart: Our cartoonist on {issue}.
stand_cart: This week's cartoon: {issue}, and the distance between announcement and delivery.
stand_cart: The view from {place}, drawn by our cartoonist.
"""

_BILINGUAL = """
== water
tags: Water | Climate | Cities
issue: water scarcity || شحّ المياه
scene: the queue at the water tanker
official: director of planning at the National Water Authority || مدير التخطيط في الهيئة الوطنية
  للمياه || مديرة التخطيط في الهيئة الوطنية للمياه
expert: a hydrologist at the Institute for Arid Lands || خبير الموارد المائية في معهد الأراضي
  الجافة || خبيرة الموارد المائية في معهد الأراضي الجافة
resident: a grocer in {place} || صاحب بقالة في {place} || صاحبة بقالة في {place}
image: desalination plant at dusk >> The desalination plant on the coast near {place}. || محطة
  تحلية المياه على الساحل قرب {place}.
image: water tanker in a narrow street >> A private tanker delivers water in {place}. || صهريج خاص
  يوزّع المياه في أحد أحياء {place}.
stand: Summer demand is rising faster than supply, and the gap is being filled by tankers that cost
  households dearly. || يرتفع الطلب في الصيف أسرع من المعروض، وتسدّ الصهاريج الفجوة بكلفة باهظة على
  الأسر.
stand: Engineers say the cheapest new water is the water that stops leaking from old pipes. || يقول
  مهندسون إن أرخص مصدر جديد للمياه هو المياه التي يتوقف تسرّبها من الأنابيب القديمة.
news: Second desalination line switched on in {place} as summer demand peaks >> A second production
  line at the desalination plant serving {place} began operating on Sunday, adding {a:40-90}
  thousand cubic metres a day to a network that has struggled to meet demand since the start of
  summer. || تشغيل خط ثانٍ لتحلية المياه في {place} مع بلوغ الطلب ذروته >> بدأ خط الإنتاج الثاني في
  محطة التحلية التي تغذّي {place} العمل يوم الأحد، مضيفًا {a} ألف متر مكعب يوميًا إلى شبكة تعاني
  منذ بداية الصيف لتلبية الطلب.
news: Water Authority raises tanker tariff in {place} by a fifth >> The National Water Authority
  has raised the price of a municipal tanker delivery in {place} by 20 percent, the first increase
  in {b:4-7} years, citing fuel and maintenance costs. || هيئة المياه ترفع تعرفة الصهاريج في
  {place} بنسبة الخُمس >> رفعت الهيئة الوطنية للمياه سعر نقلة الصهريج البلدي في {place} بنسبة 20 في
  المئة، في أول زيادة منذ {b} سنوات، مبررة القرار بارتفاع تكاليف الوقود والصيانة.
news: Survey finds {place} loses a third of its water before it reaches homes >> Nearly a third of
  the water pumped into the {place} network is lost to leaks and illegal connections before it
  reaches a tap, according to a survey published on Tuesday by the National Water Authority. ||
  مسح: ثلث مياه {place} يضيع قبل وصوله إلى المنازل >> يضيع نحو ثلث المياه التي تُضخّ في شبكة
  {place} بسبب التسرّبات والوصلات غير القانونية قبل أن يصل إلى الصنبور، وفق مسح نشرته الهيئة
  الوطنية للمياه يوم الثلاثاء.
op: We keep building desalination plants and calling it a water policy >> Every new plant is
  celebrated as a solution. It is a purchase of time, and time is the one thing we keep wasting. ||
  نواصل بناء محطات التحلية ونسمّي ذلك سياسة مائية >> يُحتفى بكل محطة جديدة كأنها الحل، لكنها ليست
  سوى شراء للوقت، والوقت هو تحديدًا ما نواصل إهداره.
op: The tanker economy in {place} is a tax on the poor that nobody voted for >> Families without a
  reliable connection pay up to ten times more per litre than their neighbours. That is not a
  market; it is a failure we have learned to live with. || اقتصاد الصهاريج في {place} ضريبة على
  الفقراء لم يصوّت عليها أحد >> تدفع الأسر المحرومة من وصلة منتظمة ما يصل إلى عشرة أضعاف ما يدفعه
  جيرانها ثمنًا للتر الواحد. هذه ليست سوقًا، بل إخفاق تعلّمنا التعايش معه.
rep: Where does the water of {place} go? Following the pipe from the plant to the tap >> Our
  correspondent followed a day's supply through pumping stations, leaking mains and rooftop tanks.
  || أين تذهب مياه {place}؟ رحلة الأنبوب من المحطة إلى الصنبور >> تتبّع مراسلنا إمدادات يوم واحد
  عبر محطات الضخ والأنابيب المتسرّبة وخزانات الأسطح.
rep: Inside the race to keep the taps of {place} running through August >> Engineers, tanker
  drivers and households describe a summer of improvisation.
cart: The water tanker arrives, escorted by a press release
cart: A minister inaugurates a tap
fact: The authority's own figures show average consumption in {place} at {a:85-98} litres per
  person a day, well below the {b:150-180/10} litres planners consider comfortable in a hot
  climate. || وتُظهر أرقام الهيئة نفسها أن متوسط الاستهلاك في {place} يبلغ {a} لترًا للفرد يوميًا،
  وهو أقل بكثير من {b} لترًا يعدّها المخططون مستوى مريحًا في مناخ حار.
fact: Tanker operators charge between {a:18-35} and {b:40-60} dollars for a delivery of ten cubic
  metres, depending on the neighbourhood and the season. || ويتقاضى أصحاب الصهاريج ما بين {a} و{b}
  دولارًا مقابل نقلة من عشرة أمتار مكعبة، بحسب الحي والموسم.
fact: The plant's energy bill is the largest single item in the authority's budget, and every
  increase in fuel prices is eventually passed on to consumers. || وتمثّل فاتورة الطاقة في المحطة
  أكبر بند منفرد في موازنة الهيئة، وتنتقل كل زيادة في أسعار الوقود في نهاية المطاف إلى المستهلكين.
fact: Engineers say replacing the oldest {a:60-95} kilometres of mains would recover more water
  than the new line produces, at roughly half the cost. || ويقول مهندسون إن استبدال أقدم {a}
  كيلومترًا من الأنابيب الرئيسية سيوفّر مياهًا أكثر مما ينتجه الخط الجديد، بنحو نصف الكلفة.
fact: In older districts, many households still rely on rooftop tanks filled once or twice a week,
  and a broken float valve can mean days without water. || وفي الأحياء القديمة، لا تزال أسر كثيرة
  تعتمد على خزانات فوق الأسطح تُملأ مرة أو مرتين في الأسبوع، وقد يعني عطل في صمام العوّامة أيامًا
  بلا ماء.
q-official: We are producing more water than at any point in the authority's history, and it is
  still not enough at the height of summer. || ننتج مياهًا أكثر من أي وقت في تاريخ الهيئة، ومع ذلك
  لا تكفي في ذروة الصيف.
q-expert: Desalination solves the supply side of the equation. Nobody wants to talk about the
  demand side, because that means prices. || التحلية تعالج جانب العرض من المعادلة، ولا أحد يريد
  الحديث عن جانب الطلب لأن ذلك يعني الأسعار.
q-resident: I plan my week around the tanker. If it is late, I close the shop early, because I
  cannot clean anything. || أنظّم أسبوعي حول موعد الصهريج، وإذا تأخر أغلق المحل باكرًا لأنني لا
  أستطيع تنظيف أي شيء.
ask: Why are leaks still tolerated? || لماذا لا يزال التسرّب مقبولًا؟
ask: Who pays for the tankers? || من يدفع ثمن الصهاريج؟
arg: A new plant makes for a good photograph. A repaired pipe does not, which is why the pipes stay
  broken. || المحطة الجديدة تصنع صورة جميلة، أما الأنبوب المُصلَح فلا، ولهذا تبقى الأنابيب معطّلة.
arg: Water that is cheap on paper but absent from the tap is the most expensive water there is. ||
  الماء الرخيص على الورق والغائب عن الصنبور هو أغلى ماء على الإطلاق.
arg: The honest conversation is about price: subsidise the first cubic metres generously, charge
  properly for the rest, and spend the difference on the network. || الحوار الصادق يدور حول السعر:
  دعمٌ سخيّ للأمتار المكعبة الأولى، وتسعير عادل لما يزيد عليها، وإنفاق الفارق على الشبكة.

== heat
age: 21-38
tags: Climate | Cities | Health
issue: extreme heat || موجات الحر الشديد
scene: a construction worker under a very small umbrella
official: head of occupational safety at the Ministry of Labour || رئيس قسم السلامة المهنية في
  وزارة العمل || رئيسة قسم السلامة المهنية في وزارة العمل
expert: a climate scientist at the University of the Coast || باحث المناخ في جامعة الساحل || باحثة
  المناخ في جامعة الساحل
resident: a delivery rider in {place} || عامل توصيل في {place} || عاملة توصيل في {place}
image: shaded bus stop on a hot afternoon >> A newly shaded bus stop in {place}. || موقف حافلات
  مظلَّل حديثًا في {place}.
image: workers resting in the shade at midday >> Construction workers take a midday break in
  {place}. || عمال بناء يستريحون في فترة الظهيرة في {place}.
stand: Temperatures above 45 degrees are no longer an exception, and cities are only beginning to
  adapt. || لم تعد درجات الحرارة التي تتجاوز 45 درجة استثناءً، ولا تزال المدن في بداية طريق
  التكيّف.
stand: From working hours to tree cover, the measures that could make summers bearable are known.
  The question is who will pay for them. || من ساعات العمل إلى الغطاء الشجري، باتت الإجراءات
  القادرة على جعل الصيف محتملًا معروفة، والسؤال هو: من سيدفع ثمنها؟
news: Midday outdoor work ban in {place} extended to the end of September >> Outdoor work between
  12:30 and 3:30 in the afternoon will remain banned in {place} until the end of September, the
  Ministry of Labour announced on Monday, after the city recorded {a:11-19} days above 46 degrees
  Celsius since the start of summer. || تمديد حظر العمل في الظهيرة في {place} حتى نهاية سبتمبر >>
  أعلنت وزارة العمل يوم الاثنين أن العمل في الأماكن المكشوفة بين الساعة 12:30 و3:30 بعد الظهر سيبقى
  محظورًا في {place} حتى نهاية سبتمبر، بعدما سجّلت المدينة {a} يومًا تجاوزت فيها الحرارة 46 درجة
  مئوية منذ بداية الصيف.
news: Cooling centres open in schools and libraries across {place} >> The municipality of {place}
  has opened {a:12-30} cooling centres in schools, libraries and community halls, where residents
  without air conditioning can spend the hottest hours of the day. || افتتاح مراكز تبريد في المدارس
  والمكتبات العامة في {place} >> افتتحت بلدية {place} {a} مركزًا للتبريد في المدارس والمكتبات
  والقاعات المجتمعية، يمكن للسكان الذين لا يملكون مكيّفات قضاء ساعات النهار الأشد حرًا فيها.
news: Heat-related hospital admissions in {place} up by a quarter >> Hospitals in {place} admitted
  {a:180-420} patients with heat exhaustion or heatstroke in July, about a quarter more than in the
  same month last year, according to figures released by the health directorate. || ارتفاع حالات
  الإجهاد الحراري في مستشفيات {place} بنسبة الربع >> بلغ عدد المرضى الذين أُدخلوا مستشفيات {place}
  في يوليو بسبب الإجهاد الحراري أو ضربات الشمس {a}، أي بزيادة نحو الربع عن الشهر نفسه من العام
  الماضي، بحسب أرقام نشرتها مديرية الصحة.
op: Shade is infrastructure, and the municipality of {place} should budget for it as it does for
  roads >> We plan for cars in meticulous detail and leave pedestrians to bake. A city that wants
  to survive its summers must treat shade as a public utility. || الظل بنية تحتية، وعلى بلدية
  {place} أن تخصص له موازنة كما تفعل مع الطرق >> نخطط للسيارات بأدق التفاصيل ونترك المشاة يحترقون
  تحت الشمس. المدينة التي تريد النجاة من صيفها عليها أن تعامل الظل كمرفق عام.
op: The midday work ban protects workers on paper. Enforcement is another story >> Inspectors
  cannot be everywhere, and the fines are smaller than the cost of a delayed project. || حظر العمل
  في الظهيرة يحمي العمال على الورق، أما التطبيق فقصة أخرى >> لا يستطيع المفتشون أن يكونوا في كل
  مكان، والغرامات أصغر من كلفة تأخير مشروع.
rep: Forty-seven degrees in the shade: how the people of {place} are learning to live with summer
  >> From rescheduled working hours to reflective roofs, a city adapts to heat that is no longer
  exceptional. || 47 درجة في الظل: كيف يتعلم أهل {place} التعايش مع الصيف >> من إعادة جدولة ساعات
  العمل إلى الأسطح العاكسة، مدينة تتكيّف مع حرّ لم يعد استثنائيًا.
cart: A construction worker consults the official temperature
cart: The heat action plan, laminated so it will not melt
fact: Average summer maximum temperatures in {place} have risen by about {d:1.2-2.1} degrees since
  the 1980s, according to records kept at the city's airport weather station. || وارتفع متوسط درجات
  الحرارة العظمى صيفًا في {place} بنحو {d} درجة منذ ثمانينيات القرن الماضي، وفق سجلات محطة الأرصاد
  في مطار المدينة.
fact: Night-time temperatures worry doctors most. When the thermometer stays above 32 degrees after
  dark, the body never gets the chance to recover. || وأكثر ما يقلق الأطباء هو درجات الحرارة
  الليلية؛ فحين يبقى مقياس الحرارة فوق 32 درجة بعد حلول الظلام، لا يحظى الجسم بفرصة للتعافي.
fact: The municipality has planted {a:2000-6000/500} trees along main roads over the past two
  years, though residents note that many of the saplings died in their first summer. || وزرعت
  البلدية {a} شجرة على امتداد الطرق الرئيسية خلال العامين الماضيين، وإن كان السكان يلاحظون أن
  كثيرًا من الشتلات ذبلت في صيفها الأول.
fact: Electricity demand peaks in the late afternoon, when air conditioners run flat out, and the
  grid operator has twice this summer asked large users to cut consumption. || ويبلغ الطلب على
  الكهرباء ذروته في ساعات ما بعد الظهر المتأخرة، حين تعمل المكيّفات بأقصى طاقتها، وقد طلب مشغّل
  الشبكة مرتين هذا الصيف من كبار المستهلكين خفض استهلاكهم.
fact: Outdoor workers, many of them on daily wages, lose income for every hour they cannot work,
  which makes the midday ban unpopular with some of the people it is meant to protect. || ويخسر
  العاملون في الأماكن المكشوفة، وكثير منهم يتقاضون أجورًا يومية، جزءًا من دخلهم عن كل ساعة لا
  يعملون فيها، ما يجعل حظر الظهيرة غير مرغوب لدى بعض من وُضع لحمايتهم.
q-official: The rules are clear and the fines have doubled. What we need now is for employers to
  understand that a lost afternoon is cheaper than a lost worker. || القواعد واضحة والغرامات
  تضاعفت. ما نحتاج إليه الآن أن يفهم أصحاب العمل أن خسارة فترة بعد الظهر أرخص من خسارة عامل.
q-expert: We are already living in the climate that was projected for the 2040s. Adaptation is no
  longer a policy for the future; it is an emergency policy. || نحن نعيش بالفعل في المناخ الذي كان
  متوقعًا لأربعينيات هذا القرن. لم يعد التكيّف سياسة للمستقبل، بل سياسة طوارئ.
q-resident: By two o'clock the handlebars are too hot to hold. I wrap them in a towel and keep
  going, because the orders keep coming. || عند الثانية ظهرًا يصبح المقود ساخنًا إلى حدّ لا يمكن
  معه الإمساك به. ألفّه بمنشفة وأواصل العمل، لأن الطلبات لا تتوقف.
ask: Can a city be redesigned for heat? || هل يمكن إعادة تصميم مدينة لمواجهة الحر؟
ask: Whom does the midday ban protect? || من يحميه حظر الظهيرة؟
arg: Every bus stop without a roof is a small policy decision, repeated a thousand times across the
  city. || كل موقف حافلات بلا سقف قرار سياسي صغير، يتكرر ألف مرة في أرجاء المدينة.
arg: We talk about heat as if it were weather. It is increasingly a question of housing, labour law
  and public health. || نتحدث عن الحر كأنه مسألة طقس، بينما هو على نحو متزايد مسألة سكن وقانون عمل
  وصحة عامة.
arg: Trees are the cheapest air conditioners ever invented, provided someone remembers to water
  them in their first two summers. || الأشجار أرخص مكيّفات اختُرعت على الإطلاق، شرط أن يتذكر أحدٌ
  ريّها في صيفيها الأولين.

== fintech
tags: Finance | Technology | Economy
issue: digital payments || المدفوعات الرقمية
scene: a grandmother paying for bread with her phone
official: deputy governor for payment systems at the Central Bank || نائب المحافظ لشؤون أنظمة الدفع
  في المصرف المركزي || نائبة المحافظ لشؤون أنظمة الدفع في المصرف المركزي
expert: an economist at the Institute for Financial Studies || الخبير الاقتصادي في معهد الدراسات
  المالية || الخبيرة الاقتصادية في معهد الدراسات المالية
resident: a bakery owner in {place} || صاحب مخبز في {place} || صاحبة مخبز في {place}
image: customer paying with a phone at a market stall >> A customer pays by phone at a market stall
  in {place}. || زبون يدفع بهاتفه عند بسطة في سوق {place}.
image: queue at a cash machine >> Customers queue at a cash machine in {place}. || زبائن ينتظرون
  دورهم أمام صراف آلي في {place}.
stand: Cash still dominates daily life, but phone wallets are spreading faster than regulators
  expected. || لا يزال النقد مسيطرًا على الحياة اليومية، لكن المحافظ الإلكترونية تنتشر بأسرع مما
  توقّعه المنظّمون.
stand: Lower fees and instant transfers promise to bring millions into the banking system. Small
  traders want to know what it will cost them. || تعد الرسوم المنخفضة والتحويلات الفورية بإدخال
  الملايين إلى النظام المصرفي، ويريد صغار التجار أن يعرفوا كم سيكلّفهم ذلك.
news: Central Bank caps card fees for small merchants in {place} pilot >> The Central Bank will cap
  card and wallet fees at {d:0.5-0.9} percent for merchants with annual sales below a set
  threshold, starting with a six-month pilot in {place}, the bank said on Wednesday. || المصرف
  المركزي يحدّد سقفًا لرسوم الدفع الإلكتروني على صغار التجار في {place} >> أعلن المصرف المركزي يوم
  الأربعاء أنه سيحدد سقفًا لرسوم البطاقات والمحافظ الإلكترونية عند {d} في المئة للتجار الذين تقل
  مبيعاتهم السنوية عن حدّ معيّن، بدءًا بتجربة مدتها ستة أشهر في {place}.
news: Mobile wallet accounts in {place} pass the half-million mark >> The number of registered
  mobile wallet accounts in {place} has passed half a million, the Central Bank said, up from about
  {a:160-190/10} thousand at the start of last year. || عدد حسابات المحافظ الإلكترونية في {place}
  يتجاوز نصف مليون >> قال المصرف المركزي إن عدد حسابات المحافظ الإلكترونية المسجلة في {place} تجاوز
  نصف مليون حساب، بعد أن كان نحو {a} ألفًا مطلع العام الماضي.
news: Banks in {place} to offer free basic accounts to young people >> Four banks in {place} will
  offer fee-free basic accounts with a debit card to customers aged 18 to 25, under an agreement
  announced by the Central Bank on Thursday. || مصارف {place} تقدّم حسابات أساسية مجانية للشباب >>
  ستقدّم أربعة مصارف في {place} حسابات أساسية معفاة من الرسوم مع بطاقة خصم للعملاء الذين تتراوح
  أعمارهم بين 18 و25 عامًا، بموجب اتفاق أعلنه المصرف المركزي يوم الخميس.
op: Cash is not the enemy. Exclusion is >> The rush to go cashless risks leaving behind the very
  people digital payments were meant to include. || النقد ليس العدو، بل الإقصاء >> قد يؤدي الاندفاع
  نحو مجتمع بلا نقد إلى تخلّف الفئات نفسها التي وُجدت المدفوعات الرقمية لإدماجها.
op: Before we celebrate another payments app, let us read the fees >> Competition between wallets
  is good for consumers, until the fees disappear into the terms and conditions. || قبل أن نحتفي
  بتطبيق دفع جديد، فلنقرأ الرسوم >> المنافسة بين المحافظ الإلكترونية مفيدة للمستهلك، إلى أن تختفي
  الرسوم في الشروط والأحكام.
rep: From the market stall to the phone: the quiet payments revolution in {place} >> In souks and
  pharmacies, traders are learning a new habit. Not all of them like it. || من البسطة إلى الهاتف:
  ثورة الدفع الهادئة في {place} >> في الأسواق والصيدليات، يتعلّم التجار عادة جديدة، ولا يحبها
  جميعهم.
cart: The new payment app asks for a password nobody can remember
cart: A shop sign in {place}: cash, cards, wallets, and credit for regulars
fact: Cash still accounts for roughly {a:60-75} percent of retail transactions by value, according
  to the Central Bank's latest payments report, though the share has fallen every year since 2019.
  || ولا يزال النقد يمثّل نحو {a} في المئة من قيمة معاملات التجزئة، بحسب أحدث تقرير للمصرف المركزي
  عن المدفوعات، وإن كانت هذه النسبة تتراجع كل عام منذ 2019.
fact: Instant transfers between banks, which used to take up to two working days, now clear in
  seconds for a flat fee of a few cents. || وباتت التحويلات الفورية بين المصارف، التي كانت تستغرق
  حتى يومي عمل، تُنجز في ثوانٍ مقابل رسم ثابت لا يتجاوز بضعة سنتات.
fact: About {a:35-48} percent of adults still have no bank account, a figure that rises sharply
  among women and in rural districts. || ولا يملك نحو {a} في المئة من البالغين حسابًا مصرفيًا حتى
  الآن، وترتفع هذه النسبة بشكل حاد بين النساء وفي المناطق الريفية.
fact: Merchants complain that settlement delays and fees of up to {d:2.1-3.5} percent eat into
  margins that are already thin. || ويشكو التجار من أن تأخر التسويات ورسومًا تصل إلى {d} في المئة
  تقتطع من هوامش ربح ضئيلة أصلًا.
fact: Remittances from relatives working abroad are one of the fastest-growing uses of mobile
  wallets, and several operators have cut transfer fees to win market share. || وتُعدّ الحوالات
  التي يرسلها أقارب يعملون في الخارج من أسرع استخدامات المحافظ الإلكترونية نموًا، وقد خفّضت شركات
  عدة رسوم التحويل لكسب حصة في السوق.
q-official: Our goal is not to abolish cash. It is to make sure that nobody is forced to use it
  because there is no alternative. || هدفنا ليس إلغاء النقد، بل ضمان ألا يُجبر أحد على استخدامه
  لغياب البديل.
q-expert: The technology is the easy part. Trust takes longer, and it can be lost in a single
  afternoon when a system goes down. || التكنولوجيا هي الجزء السهل. أما الثقة فتحتاج وقتًا أطول،
  ويمكن أن تضيع في فترة بعد ظهر واحدة حين يتعطل النظام.
q-resident: Half my customers pay by phone now. The other half ask me to write it down so they can
  pay at the end of the month, as always. || نصف زبائني يدفعون بالهاتف الآن، والنصف الآخر يطلب مني
  أن أسجّل الحساب ليدفعوا آخر الشهر كما جرت العادة.
ask: Who is left out of a cashless economy? || من يُستبعد من اقتصاد بلا نقد؟
ask: What happens when the system goes down? || ماذا يحدث حين يتعطل النظام؟
arg: A payment system is public infrastructure, even when private companies run it, and it should
  be regulated as such. || نظام الدفع بنية تحتية عامة حتى حين تديره شركات خاصة، ويجب تنظيمه على هذا
  الأساس.
arg: Financial inclusion is measured not by downloads but by whether a widow in a village can
  receive her pension without travelling to town. || لا يُقاس الشمول المالي بعدد التنزيلات، بل
  بقدرة أرملة في قرية على تسلّم معاشها من دون أن تسافر إلى المدينة.
arg: Regulators should insist on one simple rule: every fee must be shown before the customer
  presses the button. || على المنظّمين أن يتمسكوا بقاعدة بسيطة: يجب إظهار كل رسم قبل أن يضغط الزبون
  على الزر.

== women_tech
age: 24-41
tags: Women | Technology | Jobs
issue: women in technology || عمل النساء في قطاع التكنولوجيا
scene: the all-male panel on women in technology
official: director of digital skills at the Ministry of Communications || مدير المهارات الرقمية في
  وزارة الاتصالات || مديرة المهارات الرقمية في وزارة الاتصالات
expert: a computer science professor at Rihan University || أستاذ علوم الحاسوب في جامعة الريحان ||
  أستاذة علوم الحاسوب في جامعة الريحان
resident: a software developer in {place} || مطوّر برمجيات في {place} || مطوّرة برمجيات في {place}
image: young women at a coding workshop >> Participants at a coding workshop in {place}. || مشاركات
  في ورشة برمجة في {place}.
image: engineer at work in a data centre >> An engineer at work in a data centre outside {place}.
  || مهندسة في أثناء عملها في مركز بيانات خارج {place}.
stand: Women now make up nearly half of computing graduates. Far fewer make it into senior
  technical jobs. || باتت النساء يشكّلن نحو نصف خريجي علوم الحاسوب، لكن عددًا أقل بكثير منهن يصل
  إلى المناصب التقنية العليا.
stand: Remote work has opened doors for women in technology, but childcare, pay and promotion
  remain stubborn obstacles. || فتح العمل عن بُعد أبوابًا أمام النساء في قطاع التكنولوجيا، لكن
  رعاية الأطفال والأجور والترقيات لا تزال عقبات عنيدة.
news: Start-up fund in {place} reserves a third of its grants for women-led companies >> A new
  municipal start-up fund in {place} will reserve a third of its grants, worth {d:1.5-4.5} million
  dollars in the first year, for companies founded or led by women, officials said on Sunday. ||
  صندوق للشركات الناشئة في {place} يخصص ثلث منحه لشركات تقودها نساء >> قال مسؤولون يوم الأحد إن
  صندوقًا بلديًا جديدًا للشركات الناشئة في {place} سيخصص ثلث منحه، البالغة قيمتها {d} مليون دولار
  في السنة الأولى، لشركات أسستها نساء أو تقودها نساء.
news: Coding bootcamp in {place} graduates its largest class, with women in the majority >> The
  municipal coding bootcamp in {place} celebrated the graduation of a class of {a:120-190/10}
  trainees on Thursday, {b:55-64} percent of them women, the highest share since the programme
  began four years ago. || أكبر دفعة من خريجي معسكر البرمجة في {place}، والنساء أغلبية >> احتفل
  معسكر البرمجة البلدي في {place} يوم الخميس بتخريج دفعة بلغ عدد أفرادها {a}، نسبة النساء بينهم {b}
  في المئة، وهي أعلى نسبة منذ انطلاق البرنامج قبل أربع سنوات.
op: Stop inviting women to panels about women in tech. Hire them to run the servers >> Visibility
  was the right demand ten years ago. Today the question is pay, promotion and who gets the hard
  technical problems. || كفّوا عن دعوة النساء إلى ندوات عن المرأة في التكنولوجيا، ووظّفوهن لإدارة
  الخوادم >> كانت المطالبة بالظهور في محلّها قبل عشر سنوات. أما اليوم فالسؤال يدور حول الأجور
  والترقيات ومن يُكلَّف بالمشكلات التقنية الصعبة.
op: Half of our computing graduates are women. Where do they go after that? >> The problem is not
  the number of graduates. It is what happens to talented engineers in their first five years at
  work. || نصف خريجي الحاسوب لدينا نساء، فأين يذهبن بعد ذلك؟ >> المشكلة ليست في أعداد الخريجات، بل
  فيما يحدث للمهندسات الموهوبات في سنواتهن الخمس الأولى في العمل.
rep: The women writing the code of {place} >> A generation of engineers is reshaping the city's
  technology sector, often while working around rules written for someone else. || النساء اللواتي
  يكتبن برمجيات {place} >> جيل من المهندسات يعيد تشكيل قطاع التكنولوجيا في المدينة، وغالبًا ما
  يعملن متجاوزات قواعد وُضعت لغيرهن.
cart: A conference on women in technology, with a panel of seven men
cart: The new hire is asked to take the minutes, again
fact: Women accounted for {a:44-52} percent of computer science graduates last year, according to
  the Ministry of Higher Education, but hold fewer than one in five senior engineering posts. ||
  وشكّلت النساء {a} في المئة من خريجي علوم الحاسوب العام الماضي، بحسب وزارة التعليم العالي، لكنهن
  يشغلن أقل من منصب واحد من كل خمسة مناصب هندسية عليا.
fact: A survey by the engineers' association found a pay gap of about {a:14-22} percent between men
  and women in comparable technical roles. || ووجد استطلاع أجرته نقابة المهندسين فجوة في الأجور
  تبلغ نحو {a} في المئة بين الرجال والنساء في وظائف تقنية متشابهة.
fact: Many firms in {place} now offer remote or hybrid contracts, which engineers say has made it
  easier to combine work with caring responsibilities. || وتعرض شركات كثيرة في {place} الآن عقود
  عمل عن بُعد أو بنظام مختلط، ما يقول مهندسون إنه سهّل الجمع بين العمل ومسؤوليات الرعاية.
fact: Public transport is a barrier that rarely appears in policy papers: several women told the
  magazine they had turned down jobs in business parks that were impossible to reach without a car.
  || وثمة عائق نادرًا ما يظهر في أوراق السياسات هو النقل العام، إذ قالت نساء عدة للمجلة إنهن رفضن
  وظائف في مجمعات أعمال يستحيل الوصول إليها من دون سيارة.
fact: Of the {b:40-60} largest technology companies registered in {place}, only {a:3-8} have a
  woman as chief technology officer. || ومن بين أكبر {b} شركة تكنولوجيا مسجلة في {place}، لا تتولى
  امرأة منصب المدير التقني إلا في {a} منها.
q-official: We have solved the problem of getting women into the classroom. The harder problem is
  keeping them in the industry after their first child. || لقد حللنا مشكلة إدخال النساء إلى قاعات
  الدراسة، أما المشكلة الأصعب فهي إبقاؤهن في القطاع بعد طفلهن الأول.
q-expert: My best students are often women, and I watch too many of them end up in jobs far below
  their ability. || غالبًا ما تكون أفضل طلابي من النساء، وأرى كثيرات منهن ينتهي بهن المطاف في وظائف
  أدنى بكثير من قدراتهن.
q-resident: In my first job I was asked to take the minutes at every meeting. In my second, I was
  asked to lead the backend team. The difference was the manager, not me. || في وظيفتي الأولى طُلب
  مني تدوين محاضر كل الاجتماعات، وفي الثانية طُلب مني قيادة فريق الأنظمة الخلفية. الفرق كان في
  المدير لا فيّ.
ask: Why do so many women leave after five years? || لماذا تغادر نساء كثيرات بعد خمس سنوات؟
ask: Does remote work help, or does it hide the problem? || هل يساعد العمل عن بُعد أم يخفي المشكلة؟
arg: Mentoring schemes are welcome, but no amount of mentoring fixes a promotion committee that
  never promotes women. || برامج الإرشاد مرحّب بها، لكن لا قدر من الإرشاد يصلح لجنة ترقيات لا ترقّي
  النساء أبدًا.
arg: Publish the pay data by grade and by gender, and the conversation will change within a year.
  || انشروا بيانات الأجور بحسب الدرجة الوظيفية والجنس، وسيتغير النقاش في غضون عام.
arg: The companies that complain about a skills shortage are often the same ones losing skilled
  women to better employers abroad. || الشركات التي تشكو نقص المهارات هي غالبًا نفسها التي تخسر
  مهندساتها الماهرات لصالح جهات عمل أفضل في الخارج.

== food
tags: Food | Economy | Trade
issue: food prices || أسعار الغذاء
scene: the queue for bread
official: spokesperson for the Ministry of Supply and Trade || المتحدث باسم وزارة التموين والتجارة
  || المتحدثة باسم وزارة التموين والتجارة
expert: an agricultural economist at the University of the Coast || الخبير في الاقتصاد الزراعي في
  جامعة الساحل || الخبيرة في الاقتصاد الزراعي في جامعة الساحل
resident: a schoolteacher in {place} || مدرّس في {place} || مدرّسة في {place}
image: vegetable stalls at a covered market >> Vegetable stalls at the covered market in {place}.
  || بسطات الخضار في السوق المسقوفة في {place}.
image: bread stacked at a bakery counter >> Fresh bread at a bakery in {place}. || خبز طازج في أحد
  مخابز {place}.
stand: Bread, rice and cooking oil have all risen faster than wages this year, and families are
  changing what they eat. || ارتفعت أسعار الخبز والأرز وزيت الطهي هذا العام بوتيرة أسرع من الأجور،
  وبدأت الأسر تغيّر ما تأكله.
stand: The government insists the subsidy system works. Shoppers in the markets have their doubts.
  || تصرّ الحكومة على أن منظومة الدعم تعمل، لكن المتسوقين في الأسواق لديهم شكوكهم.
news: Price of subsidised bread in {place} to stay unchanged, ministry says >> The price of a
  bundle of subsidised bread in {place} will remain unchanged for the rest of the year, the
  Ministry of Supply and Trade said on Tuesday, despite a {a:12-25} percent rise in the cost of
  imported wheat. || الوزارة: لا تغيير في سعر الخبز المدعوم في {place} >> قالت وزارة التموين
  والتجارة يوم الثلاثاء إن سعر ربطة الخبز المدعوم في {place} سيبقى دون تغيير حتى نهاية العام، رغم
  ارتفاع كلفة القمح المستورد بنسبة {a} في المئة.
news: Vegetable prices in {place} jump after a heatwave damages crops >> Wholesale prices of
  tomatoes and cucumbers in {place} rose by about {a:30-55} percent last week after a heatwave
  damaged greenhouse crops in the surrounding farmland, traders said. || قفزة في أسعار الخضار في
  {place} بعد أن أتلفت موجة حرّ المحاصيل >> ارتفعت أسعار الطماطم والخيار بالجملة في {place} بنحو
  {a} في المئة الأسبوع الماضي، بعدما أتلفت موجة حر محاصيل البيوت البلاستيكية في الأراضي الزراعية
  المحيطة، بحسب تجار.
news: Ministry to publish weekly price list for markets in {place} >> The Ministry of Supply and
  Trade will publish a weekly list of reference prices for {a:20-35} staple goods in {place}, and
  inspectors will fine shops that exceed them by more than ten percent. || الوزارة تنشر قائمة أسعار
  أسبوعية لأسواق {place} >> ستنشر وزارة التموين والتجارة قائمة أسبوعية بالأسعار الاسترشادية لـ{a}
  سلعة أساسية في {place}، وسيُغرّم المفتشون المتاجر التي تتجاوزها بأكثر من عشرة في المئة.
op: The bread subsidy is a promise, and breaking it quietly would be the worst option >> There are
  good arguments for reforming food subsidies. There is no good argument for doing it by stealth.
  || دعم الخبز وعدٌ، والتراجع عنه بصمت أسوأ الخيارات >> ثمة حجج وجيهة لإصلاح دعم الغذاء، لكن لا حجة
  وجيهة لفعل ذلك خلسة.
op: We import most of what we eat, and we are still surprised when prices rise >> Food security is
  a long-term policy, not an emergency press conference. || نستورد معظم ما نأكله ثم نتفاجأ حين
  ترتفع الأسعار >> الأمن الغذائي سياسة طويلة الأمد، لا مؤتمر صحفي طارئ.
rep: How much does a week's shopping cost in {place} now? >> We followed three households through
  the markets to see how rising prices are changing what families buy. || كم تكلّف مشتريات أسبوع في
  {place} الآن؟ >> رافقنا ثلاث أسر في جولاتها على الأسواق لنرى كيف تغيّر الأسعار المرتفعة ما تشتريه
  العائلات.
cart: The queue for bread, seen from the ministry's window
cart: A shopper and a price tag stare at each other
fact: Food accounts for roughly {a:38-46} percent of spending for the poorest fifth of households,
  compared with about {b:18-24} percent for the richest, according to the statistics office. ||
  ويستحوذ الغذاء على نحو {a} في المئة من إنفاق الخُمس الأفقر من الأسر، مقارنة بنحو {b} في المئة لدى
  الخُمس الأغنى، بحسب دائرة الإحصاءات.
fact: The country imports more than {a:70-85} percent of its wheat, which leaves bread prices
  exposed to shipping costs and currency swings. || ويستورد البلد أكثر من {a} في المئة من حاجته إلى
  القمح، ما يجعل أسعار الخبز عرضة لتقلّبات كلفة الشحن وسعر الصرف.
fact: Shopkeepers in {place} say customers increasingly buy in smaller quantities, a kilo of rice
  instead of a sack, and ask for credit until payday. || ويقول أصحاب المتاجر في {place} إن الزبائن
  باتوا يشترون بكميات أصغر، كيلوغرامًا من الأرز بدل كيس كامل، ويطلبون الاستدانة حتى موعد الراتب.
fact: Annual food inflation stood at {d:9.5-16.5} percent in the latest reading, more than double
  the rise in average wages over the same period. || وبلغ معدل تضخم أسعار الغذاء السنوي {d} في
  المئة في أحدث قراءة، أي أكثر من ضعف ارتفاع متوسط الأجور خلال الفترة نفسها.
fact: Local farmers complain that they see little of the increase: the margin between the farm gate
  and the market stall has widened, not their income. || ويشكو المزارعون المحليون من أنهم لا يرون
  إلا القليل من هذه الزيادة، إذ اتسع الهامش بين سعر المزرعة وسعر البسطة، لا دخلهم.
q-official: The subsidised loaf is not going anywhere. What we are changing is how we stop it being
  resold as animal feed. || الرغيف المدعوم باقٍ، وما نغيّره هو طريقة منع إعادة بيعه علفًا للمواشي.
q-expert: Every link in the chain, from the port to the wholesaler to the shop, adds its margin.
  Nobody is breaking the law, and the consumer pays for all of it. || كل حلقة في السلسلة، من
  الميناء إلى تاجر الجملة إلى المتجر، تضيف هامشها. لا أحد يخالف القانون، والمستهلك يدفع ثمن كل ذلك.
q-resident: We used to buy meat twice a week. Now it is once, and on the other days I cook lentils
  and tell the children it is a tradition. || كنا نشتري اللحم مرتين في الأسبوع، أما الآن فمرة
  واحدة، وفي الأيام الأخرى أطبخ العدس وأقول للأولاد إنه تقليد.
ask: Why are prices rising faster than wages? || لماذا ترتفع الأسعار أسرع من الأجور؟
ask: Who profits from the margin? || من يستفيد من الهامش؟
arg: A subsidy that reaches everyone equally is generous to the rich and barely adequate for the
  poor. || الدعم الذي يصل إلى الجميع بالتساوي سخيّ مع الأغنياء وبالكاد يكفي الفقراء.
arg: Price lists and inspectors treat the symptom. The cause is a supply chain with too few
  competitors at every step. || قوائم الأسعار والمفتشون يعالجون العَرَض، أما السبب فسلسلة إمداد
  فيها عدد قليل جدًا من المتنافسين في كل حلقة.
arg: If we want cheaper food in ten years, we need to pay farmers properly for water-efficient
  crops today. || إن أردنا غذاءً أرخص بعد عشر سنوات، فعلينا أن ندفع للمزارعين اليوم أجرًا عادلًا عن
  المحاصيل الموفّرة للمياه.

== return
age: 31-66
tags: Refugees | Reconstruction | Local Government
issue: the return of displaced families || عودة الأسر النازحة
scene: a family unpacking in a house with no roof
official: head of the returns office at the Ministry of Local Administration || رئيس مكتب العودة في
  وزارة الإدارة المحلية || رئيسة مكتب العودة في وزارة الإدارة المحلية
expert: a researcher on displacement at the Centre for Migration Studies || الباحث في شؤون النزوح
  في مركز دراسات الهجرة || الباحثة في شؤون النزوح في مركز دراسات الهجرة
resident: who returned to {place} this spring || الذي عاد إلى {place} هذا الربيع || التي عادت إلى
  {place} هذا الربيع
image: family carrying belongings into a repaired house >> A family moves back into a repaired
  house in {place}. || أسرة تعود إلى منزل رُمّم في {place}.
image: school reopening in a rebuilt village >> A school reopens its doors in {place}. || مدرسة
  تعيد فتح أبوابها في {place}.
stand: Families are coming home to houses without roofs, schools without teachers and land records
  that no longer match. || تعود الأسر إلى بيوت بلا أسقف ومدارس بلا معلمين وسجلات أراضٍ لم تعد
  مطابقة للواقع.
stand: Return is often described as the end of displacement. For many families, it is the beginning
  of a second one. || كثيرًا ما تُوصف العودة بأنها نهاية النزوح، لكنها بالنسبة إلى أسر كثيرة بداية
  نزوح ثانٍ.
news: More than two thousand families have returned to {place} since spring, officials say >> At
  least {a:2100-2900/100} families have returned to {place} since the spring, according to the
  returns office, the highest number since the office opened. || مسؤولون: عودة أكثر من ألفي أسرة
  إلى {place} منذ الربيع >> عادت {a} أسرة على الأقل إلى {place} منذ الربيع، بحسب مكتب العودة، وهو
  أعلى عدد منذ افتتاح المكتب.
news: Land registry office reopens in {place} to settle property claims >> The land registry office
  in {place} reopened on Sunday after {a:3-9} years of closure, and officials said they expected
  thousands of claims from returning owners in the first months. || إعادة فتح دائرة تسجيل الأراضي
  في {place} للبت في مطالبات الملكية >> أعادت دائرة تسجيل الأراضي في {place} فتح أبوابها يوم الأحد
  بعد {a} سنوات من الإغلاق، وقال مسؤولون إنهم يتوقعون آلاف المطالبات من المالكين العائدين في الأشهر
  الأولى.
op: A return without schools and jobs is only a change of address >> Counting the families who come
  back is easy. Counting the ones who leave again a year later is the real measure. || عودة بلا
  مدارس ولا وظائف ليست سوى تغيير في العنوان >> إحصاء الأسر العائدة سهل، أما المقياس الحقيقي فهو
  إحصاء من يغادرون مجددًا بعد عام.
op: Return must be voluntary, or it is not return at all >> Pressure dressed up as encouragement
  helps nobody, least of all the towns waiting to be rebuilt. || العودة يجب أن تكون طوعية، وإلا فهي
  ليست عودة أصلًا >> الضغط المتنكّر في ثوب التشجيع لا يفيد أحدًا، ولا سيما البلدات التي تنتظر إعادة
  إعمارها.
rep: Coming home to {place}: the first year back >> Returning families describe the relief of
  coming home and the slow, bureaucratic work of rebuilding a life. || العودة إلى {place}: العام
  الأول >> تصف الأسر العائدة الارتياح لعودتها إلى ديارها، والعمل البطيء والبيروقراطي لإعادة بناء
  الحياة.
cart: A returning family finds the house, the keys and a new form to fill in
cart: The welcome-home banner, hung on a wall that is no longer there
fact: Returning families receive a one-off grant of about {a:400-900/100} dollars, which officials
  acknowledge covers little more than basic repairs. || وتحصل الأسر العائدة على منحة لمرة واحدة
  تبلغ نحو {a} دولار، يقرّ المسؤولون بأنها لا تكاد تغطي أكثر من الإصلاحات الأساسية.
fact: Of the {a:14-22} schools that operated in the district before the displacement, {b:5-9} have
  reopened, most of them running double shifts. || ومن أصل {a} مدرسة كانت تعمل في المنطقة قبل
  النزوح، أُعيد فتح {b} مدارس، يعمل معظمها بنظام الفترتين.
fact: Property disputes are the most common problem reported to the returns office, often because
  documents were lost or houses were occupied by other displaced families. || وتُعدّ نزاعات الملكية
  أكثر المشكلات المبلّغ عنها لدى مكتب العودة، غالبًا بسبب ضياع الوثائق أو سكن أسر نازحة أخرى في
  المنازل.
fact: Unexploded ordnance has been cleared from the town centre, but survey teams say farmland on
  the outskirts will need at least another {a:3-5} seasons. || وقد أُزيلت الذخائر غير المنفجرة من
  وسط البلدة، لكن فرق المسح تقول إن الأراضي الزراعية في الأطراف ستحتاج {a} مواسم أخرى على الأقل.
fact: Electricity is available for about {a:6-10} hours a day, supplemented by neighbourhood
  generators that charge by the amp. || وتتوفر الكهرباء نحو {a} ساعات يوميًا، وتكمّلها مولدات
  الأحياء التي تتقاضى أجرها بحسب عدد الأمبيرات.
q-official: Every family that comes back is a vote of confidence. Our job is to make sure they do
  not regret it. || كل أسرة تعود هي تصويت بالثقة، ومهمتنا أن نضمن ألا تندم على ذلك.
q-expert: Return succeeds when three things arrive together: housing, documents and a livelihood.
  Two out of three is not enough. || تنجح العودة حين تصل ثلاثة أشياء معًا: السكن والوثائق ومصدر
  الرزق. اثنان من ثلاثة لا يكفيان.
q-resident: The walls were standing, which was more than we expected. The windows, the pipes and
  the doors we had to find ourselves. || كانت الجدران قائمة، وهذا أكثر مما توقعنا، أما النوافذ
  والأنابيب والأبواب فكان علينا تدبيرها بأنفسنا.
ask: What makes families stay? || ما الذي يجعل الأسر تبقى؟
ask: Who owns the house now? || لمن البيت الآن؟
arg: The first question a returning family asks is not about politics. It is whether there is a
  school within walking distance. || السؤال الأول الذي تطرحه أسرة عائدة ليس سياسيًا، بل هو: هل توجد
  مدرسة على مسافة يمكن قطعها سيرًا؟
arg: Land records are the quiet foundation of every return. Without them, every repaired house is a
  dispute waiting to happen. || سجلات الأراضي هي الأساس الصامت لكل عودة، ومن دونها يصبح كل بيت
  مُرمَّم نزاعًا مؤجلًا.
arg: Donors like to fund roofs because roofs photograph well. Jobs are harder to photograph and
  matter more. || يحب المانحون تمويل الأسقف لأنها تظهر جيدًا في الصور، أما الوظائف فيصعب تصويرها
  لكنها أهم.

== elections
age: 18-21
tags: Elections | Local Government | Youth
issue: the performance of municipal councils || أداء المجالس البلدية
scene: a campaign poster promising everything, including rain
official: head of the municipal elections commission || رئيس هيئة الانتخابات البلدية || رئيسة هيئة
  الانتخابات البلدية
expert: a political scientist at Rihan University || أستاذ العلوم السياسية في جامعة الريحان ||
  أستاذة العلوم السياسية في جامعة الريحان
resident: a first-time voter in {place} || ناخب يصوّت لأول مرة في {place} || ناخبة تصوّت لأول مرة
  في {place}
image: voters queuing outside a school polling station >> Voters queue outside a polling station in
  {place}. || ناخبون يصطفّون أمام مركز اقتراع في {place}.
image: municipal council chamber during a session >> A session of the municipal council in {place}.
  || جلسة للمجلس البلدي في {place}.
stand: Municipal councils shape more of daily life than national politics does, yet turnout in
  local elections keeps falling. || تتحكم المجالس البلدية في تفاصيل الحياة اليومية أكثر مما تفعل
  السياسة الوطنية، ومع ذلك تواصل نسبة المشاركة في الانتخابات المحلية تراجعها.
stand: Candidates promise roads, parks and clean streets. Voters want to know how much power a
  council really has. || يعد المرشحون بالطرق والحدائق والشوارع النظيفة، ويريد الناخبون أن يعرفوا
  حجم الصلاحيات التي يملكها المجلس فعلًا.
news: Turnout in {place} municipal vote reaches {a:38-52} percent >> Turnout in Saturday's
  municipal election in {place} reached {a} percent, the elections commission said, up from
  {b:29-36} percent four years ago. || نسبة المشاركة في الانتخابات البلدية في {place} تبلغ {a} في
  المئة >> قالت هيئة الانتخابات إن نسبة المشاركة في الانتخابات البلدية التي جرت يوم السبت في
  {place} بلغت {a} في المئة، مقارنة بـ{b} في المئة قبل أربع سنوات.
news: Women win {a:4-7} seats on the new council in {place} >> Women won {a} of the {b:13-15} seats
  on the municipal council of {place} in Saturday's election, the largest number in the council's
  history, according to official results. || النساء يفزن بـ{a} مقاعد في المجلس البلدي الجديد في
  {place} >> فازت النساء بـ{a} مقاعد من أصل {b} مقعدًا في المجلس البلدي في {place} في انتخابات يوم
  السبت، وهو أكبر عدد في تاريخ المجلس، بحسب النتائج الرسمية.
news: Candidates in {place} debate the budget in first televised forum >> Eight candidates for the
  municipal council of {place} faced questions on rubbish collection, parking and the council
  budget on Wednesday in the city's first televised candidates' forum. || مرشحو {place} يناقشون
  الموازنة في أول منتدى متلفز >> واجه ثمانية مرشحين لعضوية المجلس البلدي في {place} يوم الأربعاء
  أسئلة حول جمع النفايات والمواقف وموازنة المجلس، في أول منتدى متلفز للمرشحين في المدينة.
op: Vote in the municipal election. Then demand that the council publish its budget >> Local
  democracy does not end at the ballot box. It begins there. || صوّتوا في الانتخابات البلدية، ثم
  اطلبوا من المجلس نشر موازنته >> الديمقراطية المحلية لا تنتهي عند صندوق الاقتراع، بل تبدأ منه.
op: A council without a budget is a complaints office with a logo >> We ask councils to fix roads
  and collect rubbish, then give them neither the money nor the authority to do it. || مجلس بلا
  موازنة مكتب شكاوى بشعار >> نطلب من المجالس إصلاح الطرق وجمع النفايات، ثم لا نمنحها المال ولا
  الصلاحية للقيام بذلك.
rep: Potholes and powers: what can the new council in {place} actually change? >> A look at the
  council's budget, its powers and the promises its members made on the campaign trail. || الحفر
  والصلاحيات: ما الذي يستطيع المجلس الجديد في {place} تغييره فعلًا؟ >> نظرة على موازنة المجلس
  وصلاحياته والوعود التي أطلقها أعضاؤه خلال الحملة الانتخابية.
cart: A campaign poster promising everything, including rain
cart: The new council's first decision: a bigger table
fact: The council controls about {a:6-11} percent of public spending in {place}; the rest is
  decided by ministries in the capital. || ويتحكم المجلس بنحو {a} في المئة من الإنفاق العام في
  {place}، فيما تقرر الوزارات في العاصمة الباقي.
fact: Turnout among voters under 30 was estimated at just {a:18-27} percent, according to an exit
  survey by a local observers' network. || وقُدّرت نسبة المشاركة بين الناخبين دون الثلاثين بـ{a} في
  المئة فقط، وفق استطلاع عند الخروج من مراكز الاقتراع أجرته شبكة مراقبين محلية.
fact: Council sessions are open to the public by law, but minutes are often published months late,
  if at all. || وجلسات المجلس علنية بحكم القانون، لكن محاضرها غالبًا ما تُنشر بعد أشهر من انعقادها،
  هذا إن نُشرت أصلًا.
fact: Rubbish collection, street lighting and building permits top the list of complaints received
  by councillors, according to the council's own records. || ويتصدر جمعُ النفايات وإنارة الشوارع
  وتراخيص البناء قائمةَ الشكاوى التي يتلقاها أعضاء المجلس، بحسب سجلات المجلس نفسه.
fact: Independent candidates won more seats than party lists this time, a shift observers attribute
  to frustration with familiar faces. || وحصد المرشحون المستقلون هذه المرة مقاعد أكثر من القوائم
  الحزبية، وهو تحول يعزوه المراقبون إلى الضجر من الوجوه المألوفة.
q-official: The count was completed within nine hours, and every polling station's result is
  online. Anyone can check our arithmetic. || اكتمل الفرز في غضون تسع ساعات، ونتائج كل مركز اقتراع
  منشورة على الإنترنت. يمكن لأي شخص أن يتحقق من حساباتنا.
q-expert: Voters are not apathetic. They are realistic about how little a council can do with the
  powers it has. || الناخبون ليسوا غير مبالين، بل واقعيون بشأن ضآلة ما يستطيع المجلس فعله
  بالصلاحيات التي يملكها.
q-resident: I voted for the candidate who answered my message. That is a low bar, but most of them
  did not clear it. || صوّتُّ للمرشح الذي ردّ على رسالتي. إنه معيار متواضع، لكن معظمهم لم يبلغوه.
ask: How much power does a council really have? || ما حجم الصلاحيات التي يملكها المجلس فعلًا؟
ask: Why do young people stay at home? || لماذا يبقى الشباب في بيوتهم؟
arg: Decentralisation has been promised in every government programme for twenty years. It remains
  a word, not a budget line. || وُعد باللامركزية في كل برنامج حكومي منذ عشرين عامًا، ولا تزال كلمة
  لا بندًا في الموازنة.
arg: A council that publishes its spending online, line by line, will earn more trust than one that
  publishes photographs of ribbon cuttings. || المجلس الذي ينشر إنفاقه على الإنترنت بندًا بندًا
  سيكسب ثقة أكبر من مجلس ينشر صور قصّ الأشرطة.
arg: Low turnout is not a verdict on democracy. It is a verdict on what voters think their vote can
  change. || ضعف المشاركة ليس حكمًا على الديمقراطية، بل حكم على ما يظن الناخبون أن أصواتهم تستطيع
  تغييره.

== transport
tags: Transport | Cities | Climate
issue: public transport || النقل العام
scene: a bus timetable printed in a font called optimism
official: director of the Public Transport Authority || مدير هيئة النقل العام || مديرة هيئة النقل
  العام
expert: an urban planner at the University of the Coast || المخطط الحضري في جامعة الساحل || المخططة
  الحضرية في جامعة الساحل
resident: a nurse who commutes to {place} || ممرض يتنقل يوميًا إلى {place} || ممرضة تتنقل يوميًا
  إلى {place}
image: new bus at a city terminal >> A new bus at the central terminal in {place}. || حافلة جديدة
  في المحطة المركزية في {place}.
image: commuters waiting at a roadside stop >> Commuters wait for a minibus on the outskirts of
  {place}. || ركاب ينتظرون حافلة صغيرة في ضواحي {place}.
stand: Buses are cheap, slow and crowded, and most people who can afford a car have stopped using
  them. || الحافلات رخيصة وبطيئة ومكتظة، ومعظم من يستطيعون شراء سيارة توقفوا عن استخدامها.
stand: A new rapid bus line promises to cut journey times in half. Commuters have heard promises
  before. || يعد خط جديد للحافلات السريعة بخفض زمن الرحلات إلى النصف، لكن الركاب سمعوا وعودًا من
  قبل.
news: Rapid bus line to link {place} with the capital by next year >> A dedicated bus lane linking
  {place} with the capital will open by the end of next year, the Public Transport Authority said
  on Monday, cutting the journey from about {a:70-95} minutes to under {b:40-50}. || خط حافلات
  سريعة يربط {place} بالعاصمة بحلول العام المقبل >> قالت هيئة النقل العام يوم الاثنين إن مسارًا
  مخصصًا للحافلات يربط {place} بالعاصمة سيُفتتح بحلول نهاية العام المقبل، ما سيختصر الرحلة من نحو
  {a} دقيقة إلى أقل من {b} دقيقة.
news: Minibus fares in {place} rise after fuel price increase >> Minibus fares in {place} rose by
  about {a:15-25} percent on Sunday, following an increase in the official price of diesel, drivers
  and passengers said. || ارتفاع أجور الحافلات الصغيرة في {place} بعد زيادة أسعار الوقود >> ارتفعت
  أجور الحافلات الصغيرة في {place} بنحو {a} في المئة يوم الأحد، إثر زيادة السعر الرسمي للديزل، بحسب
  سائقين وركاب.
news: Single ticket for buses and minibuses introduced in {place} >> Passengers in {place} will be
  able to use a single rechargeable card on municipal buses and licensed minibuses from next month,
  the Public Transport Authority announced. || بطاقة موحّدة للحافلات والحافلات الصغيرة في {place}
  >> أعلنت هيئة النقل العام أن الركاب في {place} سيتمكنون اعتبارًا من الشهر المقبل من استخدام بطاقة
  واحدة قابلة للشحن في الحافلات البلدية والحافلات الصغيرة المرخّصة.
op: The bus is not a service for people who have no choice >> As long as public transport is
  designed for those who cannot afford a car, it will remain a last resort. || الحافلة ليست خدمة
  لمن لا خيار لهم >> ما دام النقل العام مصممًا لمن لا يستطيعون شراء سيارة، فسيبقى الملاذ الأخير.
op: Give the bus its own lane and watch {place} change >> The cheapest transport reform is also the
  most politically difficult: taking road space away from cars. || امنحوا الحافلة مسارها الخاص
  وراقبوا التغيير في {place} >> أرخص إصلاح للنقل هو أيضًا الأصعب سياسيًا: اقتطاع جزء من الطريق من
  السيارات.
rep: Two hours to work: the daily commute from {place} >> We rode the minibuses, buses and shared
  taxis that carry thousands of workers every morning. || ساعتان إلى العمل: رحلة التنقل اليومية من
  {place} >> ركبنا الحافلات الصغيرة والكبيرة وسيارات الأجرة المشتركة التي تنقل آلاف العمال كل صباح.
cart: The bus timetable, printed in a font called optimism
cart: A bus lane, occupied by an official convoy
fact: Only about {a:9-16} percent of daily trips in {place} are made by public transport, according
  to a municipal mobility survey, compared with more than half by private car. || ولا تتجاوز نسبة
  الرحلات اليومية في {place} التي تتم بالنقل العام نحو {a} في المئة، وفق مسح بلدي للتنقل، مقابل
  أكثر من النصف بالسيارات الخاصة.
fact: Most routes are served by privately owned minibuses that leave only when full, which makes
  timetables meaningless outside rush hour. || وتخدم معظمَ الخطوط حافلاتٌ صغيرة مملوكة لأفراد لا
  تنطلق إلا حين تمتلئ، ما يجعل الجداول الزمنية بلا معنى خارج ساعات الذروة.
fact: The authority's fleet of large buses, {a:120-180/10} in all, has an average age of about
  {b:11-16} years, and on a typical day roughly a fifth are out of service. || ويبلغ متوسط عمر
  أسطول الهيئة من الحافلات الكبيرة، البالغ عددها {a}، نحو {b} عامًا، ويكون خُمسها تقريبًا خارج
  الخدمة في اليوم العادي.
fact: Women commuters told the magazine that crowding and harassment on minibuses were their main
  reason for paying for taxis they could barely afford. || وقالت راكبات للمجلة إن الاكتظاظ والتحرش
  في الحافلات الصغيرة هما سببهن الرئيسي لدفع أجرة سيارات أجرة بالكاد يستطعن تحمّلها.
fact: Traffic congestion costs the city an estimated {d:1.5-3.5} percent of its economic output
  each year, according to a study commissioned by the chamber of commerce. || وتكلّف الاختناقات
  المرورية المدينة ما يُقدَّر بـ{d} في المئة من ناتجها الاقتصادي سنويًا، بحسب دراسة أعدّتها غرفة
  التجارة.
q-official: A bus lane is a promise of reliability. If we cannot keep cars out of it, the rest of
  the project does not matter. || المسار المخصص للحافلات وعدٌ بالانتظام، وإن لم نستطع إبعاد
  السيارات عنه فلا قيمة لبقية المشروع.
q-expert: Cities do not get less traffic by building more roads. They get less traffic when the
  alternative is good enough that people choose it. || المدن لا تخفف الازدحام ببناء مزيد من الطرق،
  بل حين يصبح البديل جيدًا بما يكفي ليختاره الناس.
q-resident: I leave home at half past five to start at eight. If I miss the first minibus, I lose
  an hour. || أغادر البيت في الخامسة والنصف لأبدأ العمل في الثامنة، وإن فاتتني الحافلة الصغيرة
  الأولى أخسر ساعة.
ask: Why do buses wait until they are full? || لماذا لا تنطلق الحافلات قبل أن تمتلئ؟
ask: Can a bus compete with a car? || هل تستطيع الحافلة منافسة السيارة؟
arg: Every minute a bus spends stuck behind private cars is a subsidy from the poorest passengers
  to the richest drivers. || كل دقيقة تقضيها الحافلة عالقة خلف السيارات الخاصة هي دعمٌ يقدّمه أفقر
  الركاب لأغنى السائقين.
arg: Minibus drivers are not the problem. They are running a business in a system that pays them
  per passenger and nothing for reliability. || سائقو الحافلات الصغيرة ليسوا المشكلة، بل يديرون
  عملًا تجاريًا في نظام يدفع لهم عن كل راكب ولا شيء مقابل الانتظام.
arg: Public transport should be judged by one number: how many jobs a resident can reach within
  forty-five minutes. || يجب الحكم على النقل العام برقم واحد: كم وظيفة يستطيع المقيم الوصول إليها
  في غضون خمس وأربعين دقيقة.

== heritage
tags: Heritage | Archaeology | Tourism
issue: the protection of archaeological sites || حماية المواقع الأثرية
scene: an ancient column holding up a modern washing line
official: director of excavations at the Department of Antiquities || مدير الحفريات في دائرة الآثار
  || مديرة الحفريات في دائرة الآثار
expert: an archaeologist at the Institute of Regional Heritage || عالم آثار في معهد التراث الإقليمي
  || عالمة آثار في معهد التراث الإقليمي
resident: a guide at the ruins near {place} || مرشد سياحي في الموقع الأثري قرب {place} || مرشدة
  سياحية في الموقع الأثري قرب {place}
image: excavation trench with a mosaic floor >> A mosaic floor uncovered during excavations near
  {place}. || أرضية فسيفساء كُشف عنها خلال التنقيب قرب {place}.
image: restored stone houses in an old quarter >> Restored stone houses in the old quarter of
  {place}. || بيوت حجرية مرمّمة في الحي القديم في {place}.
stand: New discoveries are drawing attention to sites that have survived for centuries and may not
  survive the next building boom. || تلفت الاكتشافات الجديدة الأنظار إلى مواقع صمدت قرونًا وقد لا
  تصمد أمام طفرة البناء المقبلة.
stand: Heritage brings tourists and pride. It also brings costs that small towns struggle to carry.
  || يجلب التراث السياح والاعتزاز، لكنه يجلب أيضًا تكاليف تعجز البلدات الصغيرة عن تحمّلها.
news: Mosaic floor uncovered during road works near {place} >> Workers widening a road near {place}
  have uncovered a mosaic floor that archaeologists believe belonged to a villa built about
  {a:14-17} centuries ago, the Department of Antiquities said on Thursday. || الكشف عن أرضية
  فسيفساء خلال أعمال طريق قرب {place} >> قالت دائرة الآثار يوم الخميس إن عمالًا يعملون على توسيع
  طريق قرب {place} كشفوا عن أرضية فسيفساء يعتقد علماء الآثار أنها تعود إلى فيلا بُنيت قبل نحو {a}
  قرنًا.
news: Old quarter of {place} added to the national heritage list >> The old quarter of {place},
  with its {a:200-400/100} stone houses and covered market, has been added to the national heritage
  list, restricting demolition and new construction. || إدراج الحي القديم في {place} على قائمة
  التراث الوطني >> أُدرج الحي القديم في {place}، بما يضمه من {a} بيت حجري وسوق مسقوفة، على قائمة
  التراث الوطني، ما يقيّد الهدم والبناء الجديد فيه.
op: Heritage is not a museum behind glass. Let people live in it >> The best protection for an old
  quarter is residents who can afford to stay and repair their homes. || التراث ليس متحفًا خلف
  الزجاج، فدعوا الناس يعيشون فيه >> أفضل حماية للحي القديم سكانٌ قادرون على البقاء فيه وترميم
  بيوتهم.
op: An archaeologist should accompany every bulldozer in {place} >> Rescue archaeology costs a
  fraction of the projects it delays, and the alternative is losing history by accident. || يجب أن
  يرافق كلَّ جرافة في {place} عالمُ آثار >> التنقيب الإنقاذي لا يكلّف إلا جزءًا يسيرًا من المشاريع
  التي يؤخرها، والبديل هو خسارة التاريخ عن طريق الخطأ.
rep: The stones of {place}: who pays to keep the past standing? >> Owners, officials and
  archaeologists argue over what to save, what to rebuild and who should pay. || حجارة {place}: من
  يدفع ثمن بقاء الماضي قائمًا؟ >> يتجادل المالكون والمسؤولون وعلماء الآثار حول ما ينبغي إنقاذه وما
  ينبغي إعادة بنائه ومن يجب أن يدفع.
cart: An ancient column holding up a modern washing line
cart: Tourists photograph the ruins while the ruins watch the new tower block
fact: The Department of Antiquities employs {a:30-45} inspectors to monitor more than
  {b:2000-4000/500} registered sites across the country. || وتوظف دائرة الآثار {a} مفتشًا لمراقبة
  أكثر من {b} موقع مسجل في أنحاء البلاد.
fact: Owners of listed houses in {place} may apply for restoration grants, but applications have
  exceeded the fund's resources every year since it was created. || ويحق لمالكي البيوت المدرجة في
  {place} التقدم بطلبات للحصول على منح ترميم، لكن الطلبات تجاوزت موارد الصندوق في كل عام منذ
  إنشائه.
fact: Illegal digging increases in years of economic hardship, archaeologists say, when a single
  coin or oil lamp can fetch more than a month's wages. || ويقول علماء آثار إن التنقيب غير القانوني
  يتزايد في سنوات الضائقة الاقتصادية، حين قد تجلب قطعة نقدية أو سراج واحد أكثر من أجر شهر.
fact: Visitor numbers at the site near {place} reached about {a:40-90} thousand last year, though
  most come on day trips and spend little in town. || وبلغ عدد زوار الموقع القريب من {place} نحو
  {a} ألف زائر العام الماضي، وإن كان معظمهم يأتون في رحلات يومية وينفقون القليل في البلدة.
fact: Traditional builders who know how to work with lime mortar and local stone are now rare, and
  most restoration crews learn on the job. || وبات البنّاؤون التقليديون الذين يتقنون العمل بملاط
  الجير والحجر المحلي نادرين، ويتعلم معظم فرق الترميم في أثناء العمل.
q-official: We can protect a site from a bulldozer with a single letter. Protecting it from neglect
  takes money we do not have. || نستطيع حماية موقع من الجرافة برسالة واحدة، أما حمايته من الإهمال
  فتتطلب مالًا لا نملكه.
q-expert: Once a layer is dug out without being recorded, it is gone forever. There is no second
  excavation of the same soil. || حين تُحفر طبقة من دون توثيق تضيع إلى الأبد، فلا يوجد تنقيب ثانٍ
  للتربة نفسها.
q-resident: Visitors ask me where to eat and where to stay, and I have to send them back to the
  city. The ruins need a town that is ready for guests. || يسألني الزوار أين يأكلون وأين يبيتون،
  فأضطر إلى إعادتهم إلى المدينة. الآثار تحتاج إلى بلدة مستعدة لاستقبال الضيوف.
ask: Who pays to keep old houses standing? || من يدفع ثمن بقاء البيوت القديمة قائمة؟
ask: Can development and archaeology share a site? || هل يمكن للتنمية والآثار أن تتقاسما موقعًا
  واحدًا؟
arg: A listed building that its owner cannot afford to repair is not protected. It is sentenced to
  slow collapse. || المبنى المدرج الذي لا يستطيع مالكه ترميمه ليس محميًا، بل محكومٌ عليه بالانهيار
  البطيء.
arg: Heritage policy too often treats residents as an obstacle, when they are the only guardians
  who are there every day. || كثيرًا ما تعامل سياسات التراث السكانَ كعقبة، مع أنهم الحراس الوحيدون
  الموجودون كل يوم.
arg: Our children learn about ancient cities in textbooks while the real ones disappear under car
  parks a few kilometres away. || يتعلم أطفالنا عن المدن القديمة في الكتب المدرسية بينما تختفي
  المدن الحقيقية تحت مواقف السيارات على بعد كيلومترات قليلة.

== housing
tags: Housing | Cities | Economy
issue: rising rents || ارتفاع الإيجارات
scene: a landlord measuring the balcony for the next rent increase
official: director of housing at the Ministry of Public Works || مدير الإسكان في وزارة الأشغال
  العامة || مديرة الإسكان في وزارة الأشغال العامة
expert: a housing economist at Rihan University || الخبير في اقتصاديات الإسكان في جامعة الريحان ||
  الخبيرة في اقتصاديات الإسكان في جامعة الريحان
resident: a tenant in {place} || مستأجر في {place} || مستأجرة في {place}
image: apartment blocks under construction >> Apartment blocks under construction on the edge of
  {place}. || مبانٍ سكنية قيد الإنشاء على أطراف {place}.
image: for-rent sign on an old building >> A flat advertised for rent in central {place}. || شقة
  معروضة للإيجار في وسط {place}.
stand: Rents have risen far faster than incomes, and young families are being pushed to the edges
  of the city. || ارتفعت الإيجارات بوتيرة تفوق الدخول بكثير، وباتت الأسر الشابة تُدفع إلى أطراف
  المدينة.
stand: New towers are going up, but almost none of the new flats are within reach of a teacher or a
  nurse. || الأبراج الجديدة ترتفع، لكن لا تكاد أي شقة من الشقق الجديدة تكون في متناول معلّم أو
  ممرضة.
news: Average rents in {place} up {a:12-21} percent in a year, survey finds >> Average asking rents
  for two-bedroom flats in {place} rose by {a} percent over the past twelve months, according to a
  survey of listings published by the Ministry of Public Works. || مسح: ارتفاع متوسط الإيجارات في
  {place} بنسبة {a} في المئة خلال عام >> ارتفع متوسط الإيجارات المطلوبة للشقق المؤلفة من غرفتي نوم
  في {place} بنسبة {a} في المئة خلال الأشهر الاثني عشر الماضية، وفق مسح للإعلانات نشرته وزارة
  الأشغال العامة.
news: Council approves {a:300-800/100} affordable flats on public land in {place} >> The municipal
  council of {place} has approved the construction of {a} flats on public land, to be let at rents
  capped at a third of the median household income. || المجلس يوافق على بناء {a} شقة بأسعار ميسّرة
  على أراضٍ عامة في {place} >> وافق المجلس البلدي في {place} على بناء {a} شقة على أراضٍ عامة،
  تُؤجَّر بإيجارات لا تتجاوز ثلث الدخل الوسيط للأسرة.
op: The rent is too high, and the answer is not another tower >> Luxury flats do not trickle down.
  A city needs homes that people on ordinary salaries can actually rent. || الإيجار مرتفع جدًا،
  والحل ليس برجًا آخر >> الشقق الفاخرة لا تتسرب فوائدها إلى الأسفل. المدينة تحتاج إلى بيوت يستطيع
  أصحاب الرواتب العادية استئجارها فعلًا.
op: Tenants in {place} need contracts, not sympathy >> Most tenancies are renewed year to year on a
  handshake, and the handshake gets more expensive every summer. || مستأجرو {place} يحتاجون إلى
  عقود لا إلى تعاطف >> تُجدَّد معظم عقود الإيجار عامًا بعام بالمصافحة، والمصافحة تزداد كلفة كل صيف.
rep: Pushed to the edges: where can young families in {place} still afford to live? >> Rising rents
  are redrawing the map of the city, one long commute at a time. || إلى الأطراف: أين لا تزال الأسر
  الشابة في {place} قادرة على السكن؟ >> ترسم الإيجارات المرتفعة خريطة المدينة من جديد، رحلةً طويلةً
  تلو الأخرى.
cart: A landlord measures the balcony for the next rent increase
cart: The affordable flat, viewed through a very long telescope
fact: A typical two-bedroom flat in central {place} now rents for about {a:45-65} percent of a
  teacher's monthly salary. || وبات إيجار شقة نموذجية من غرفتي نوم في وسط {place} يعادل نحو {a} في
  المئة من راتب المعلّم الشهري.
fact: An estimated {a:8000-15000/1000} flats in the city stand empty, many of them bought as
  investments by owners living abroad. || وتشير التقديرات إلى وجود {a} شقة خالية في المدينة، اشترى
  كثيرًا منها مالكون يقيمون في الخارج بغرض الاستثمار.
fact: Most rental agreements in {place} run for a single year, and there is no legal limit on
  increases at renewal. || ومعظم عقود الإيجار في {place} تسري لعام واحد فقط، ولا يوجد حدّ قانوني
  للزيادة عند التجديد.
fact: Construction costs have risen by about {a:20-35} percent in three years, driven by the price
  of steel, cement and imported fittings. || وارتفعت تكاليف البناء بنحو {a} في المئة خلال ثلاث
  سنوات، مدفوعة بأسعار الحديد والإسمنت والتجهيزات المستوردة.
fact: Young couples increasingly live with their parents for the first years of marriage, a trend
  that sociologists say is delaying the formation of new households. || ويعيش الأزواج الشباب بشكل
  متزايد مع الأهل في السنوات الأولى من الزواج، وهو اتجاه يقول علماء اجتماع إنه يؤخر تكوين أسر
  جديدة.
q-official: We cannot build our way out of this alone. We need the owners of empty flats to put
  them on the market, and the tax system will encourage them to. || لا نستطيع الخروج من هذه الأزمة
  بالبناء وحده. نحتاج إلى أن يعرض مالكو الشقق الخالية شققهم في السوق، وسيشجعهم النظام الضريبي على
  ذلك.
q-expert: When rent takes half of a salary, everything else becomes a luxury: savings, children,
  even the bus fare to a second job. || حين يستهلك الإيجار نصف الراتب يصبح كل شيء آخر ترفًا:
  الادخار والأطفال، وحتى أجرة الحافلة إلى عمل ثانٍ.
q-resident: The landlord told us the new rent in a voice note. We had a week to agree or leave. ||
  أبلغنا المالك بالإيجار الجديد في رسالة صوتية، وكان أمامنا أسبوع لنقبل أو نغادر.
ask: Why are so many flats empty? || لماذا تبقى شقق كثيرة خالية؟
ask: What would protection for tenants look like? || كيف تبدو حماية المستأجرين؟
arg: A city where teachers cannot afford to live near their schools is making a choice, whether or
  not it admits it. || المدينة التي لا يستطيع معلموها السكن قرب مدارسهم تتخذ خيارًا، سواء اعترفت
  بذلك أم لا.
arg: Tax empty flats, protect sitting tenants, build on public land. None of it is radical, and all
  of it has been postponed. || ضريبة على الشقق الخالية، وحماية للمستأجرين الحاليين، وبناء على
  الأراضي العامة. لا شيء من ذلك جذري، وكل ذلك مؤجَّل.
arg: Housing is where every other policy meets: transport, wages, family and even public health. ||
  السكن هو الموضع الذي تلتقي فيه كل السياسات الأخرى: النقل والأجور والأسرة وحتى الصحة العامة.
"""

_ENGLISH = """
== ports
tags: Shipping | Trade | Economy
coastal: yes
issue: the port's expansion
scene: a container ship waiting for a berth that exists only on the drawing board
official: commercial director of the Port Authority
expert: a maritime economist at the Institute of Maritime Logistics
resident: a fisherman in {place}
image: container cranes at a busy port >> Container cranes at the port of {place}.
image: fishing boats moored by a new quay >> Fishing boats moored near the new quay in {place}.
stand: Shipping lines are rerouting, volumes are up and the port wants to double in size. Not
  everyone on the waterfront is celebrating.
stand: Ports are the region's quiet engines of growth, but expansion comes with costs for
  fishermen, neighbours and the sea.
news: Container traffic at the port of {place} up {a:9-18} percent in the first half >> The port of
  {place} handled about {b:410-690/10} thousand twenty-foot containers in the first six months of
  the year, up {a} percent on the same period last year, the Port Authority said on Tuesday.
news: Fishermen in {place} protest over loss of harbour berths >> Around {a:60-140/10} fishermen
  staged a protest at the harbour in {place} on Friday, saying plans to expand the container
  terminal would leave their boats without safe moorings.
news: Port Authority signs deal for a new grain terminal in {place} >> The Port Authority has
  signed a {a:18-30}-year concession with a private operator to build and run a grain terminal in
  {place}, with investment estimated at {b:90-160} million dollars.
op: A bigger port is not the same as a better port >> Expansion plans count cranes and berths. They
  rarely count the hours lost to paperwork at the gate.
op: The fishermen of {place} were here before the cranes, and they deserve a seat at the table >>
  Economic growth that pushes out the oldest trade on the waterfront is poorer than it looks.
rep: Between cranes and fishing boats: the battle for the waterfront in {place} >> A port expansion
  promises jobs and trade. Its neighbours want to know what it will take from them.
rep: How long does a container wait in {place}? We followed one from ship to shop >> Customs,
  inspections and truck queues add days to a journey that took weeks at sea.
cart: A container ship waits for a berth that exists only on the drawing board
cart: The port's new crane, seen from a fishing boat
fact: Average dwell time, the period a container waits in the terminal before collection, stands at
  about {a:6-11} days, compared with three to four at the region's fastest ports.
fact: The expansion plan would add {a:3-5} deep-water berths and reclaim about {b:40-90} hectares
  from the sea.
fact: Customs clearance moved online two years ago, but traders say physical inspections still
  affect roughly one container in {a:4-7}.
fact: About {a:300-700/50} families in {place} depend directly on fishing, according to the
  fishermen's cooperative, and many more on the boatyards and the fish market.
fact: Truck queues at the port gate regularly stretch for several kilometres at peak times,
  blocking the coastal road into town.
q-official: Shipping lines choose ports the way travellers choose airlines: on time, on price and
  on reliability. We intend to compete on all three.
q-expert: The bottleneck is not the quay. It is the paperwork and the road behind the quay.
q-resident: They showed us a map with a new fishing harbour on it. Maps do not protect a boat in a
  winter storm.
ask: Who gains from a bigger port?
ask: What happens to the fishing harbour?
arg: Every day a container sits in the yard is a tax on everything inside it, from medicine to
  spare parts.
arg: Ports compete on trust as much as on depth. A single published timetable for clearance would
  do more than a new crane.
arg: The waterfront belongs to the whole city, not only to the companies that can afford to lease
  it.

== reconstruction
tags: Reconstruction | Housing | Cities
issue: the pace of reconstruction
scene: a ribbon cutting in front of a building that is still rubble
official: head of the technical office at the national reconstruction fund
expert: a structural engineer at the University of the Coast
resident: a shop owner in the old market of {place}
image: rebuilt street with scaffolding >> Scaffolding on a street being rebuilt in {place}.
image: workers clearing rubble >> Workers clear rubble in the centre of {place}.
stand: Rubble is being cleared and cranes are back, but residents say rebuilding is reaching roads
  faster than homes.
stand: Large sums have been pledged for reconstruction. Tracking where the money goes is proving
  harder than raising it.
news: Reconstruction fund approves rebuilding of schools in {place} >> The national reconstruction
  fund has approved {b:8-22} million dollars to rebuild {a:3-6} schools and a health centre in
  {place}, with work due to begin before the end of the year.
news: Rubble recycling plant opens in {place} >> A plant that crushes rubble into aggregate for
  road building opened in {place} on Wednesday, with capacity to process about {a:800-1500/100}
  tonnes a day.
news: Home owners in {place} can now apply online for repair grants >> Home owners in {place} whose
  properties were damaged can now apply online for repair grants of up to {a:5000-12000/1000}
  dollars, the reconstruction fund said.
op: Rebuild the neighbourhoods, not just the monuments >> A restored landmark makes a fine backdrop
  for a ceremony. A family needs a kitchen.
op: Reconstruction money deserves the same scrutiny as any other public money, and {place} should
  publish every contract >> Transparency is not a luxury for after the rebuilding. It is what makes
  the rebuilding possible.
rep: Concrete and patience: {place} two years into rebuilding >> Roads are paved and the market is
  reopening, but many families are still waiting for the grant that will let them come home.
rep: Following the money in the reconstruction of {place} >> We read the contracts, visited the
  sites and asked who decides what gets rebuilt first.
cart: A ribbon is cut in front of a building that is still rubble
cart: The reconstruction plan, version twelve
fact: An assessment by the reconstruction fund found about {a:3000-7000/500} housing units in
  {place} damaged, of which roughly a quarter are beyond repair.
fact: Clearing the rubble alone is expected to take {a:14-24} months, and much of it contains
  materials that must be handled as hazardous waste.
fact: The fund publishes a list of approved projects, but not the contracts, the bids or the names
  of subcontractors.
fact: Builders report shortages of skilled tilers, electricians and plumbers, many of whom left
  during the fighting and have not returned.
fact: About {a:55-70} percent of the money spent so far has gone to roads, bridges and public
  buildings, according to the fund's latest progress report.
q-official: We started with roads and water lines because nothing else can be built without them.
  Housing is the next phase, and it is funded.
q-expert: A damaged building that is not assessed properly can look fine for years. The risk is
  invisible until it is not.
q-resident: I reopened the shop with one wall missing and a plastic sheet for a door. Customers
  came anyway. That is how we know the town is alive.
ask: Why are roads rebuilt before homes?
ask: Who decides what is rebuilt first?
arg: Reconstruction is not a construction project. It is a social contract rewritten in concrete.
arg: If residents cannot see the contracts, they will assume the worst, and in the absence of
  information they will often be right.
arg: Local builders should get the small contracts. The money stays in town, and the work is done
  by people who will live with the result.

== youth
age: 22-27
tags: Youth | Education | Jobs
issue: youth unemployment
scene: a graduate holding a degree in one hand and a delivery bag in the other
official: director of employment programmes at the Ministry of Labour
expert: a labour economist at Rihan University
resident: a recent engineering graduate in {place}
image: students on a university campus >> Students on campus at the University of the Coast.
image: job fair in a convention hall >> Job seekers at a careers fair in {place}.
stand: Universities are producing more graduates than ever. The labour market has not kept pace.
stand: One in three young graduates is looking for work, and many are looking abroad.
news: Youth unemployment rate in {place} falls to {a:24-31} percent >> The unemployment rate among
  people aged 15 to 24 in {place} fell to {a} percent in the second quarter, from {b:32-36} percent
  a year earlier, the statistics office said on Sunday.
news: Paid internship scheme for graduates launched in {place} >> The Ministry of Labour will pay
  half the salary of recent graduates hired as interns by private firms in {place} for up to
  {a:6-9} months, under a scheme launched on Tuesday.
news: University of the Coast opens a campus in {place} >> The University of the Coast opened a
  campus in {place} on Monday, with {a:900-1600/100} students enrolled in its first year in
  nursing, accounting and computer science.
op: We told a generation to study. Now we owe them jobs >> The bargain was simple: get a degree and
  the rest will follow. For too many graduates, the rest never came.
op: Stop blaming graduates for the skills gap >> Employers who will not train anyone are not facing
  a skills shortage. They are facing a training shortage of their own making.
rep: Degree in hand, no job in sight: graduates in {place} take stock >> We spoke to young people
  two years after graduation about work, emigration and what they would study if they could start
  again.
rep: Why do engineering graduates in {place} end up driving taxis? >> The mismatch between what
  universities teach and what employers want is real, but it is not the whole story.
cart: A graduate holding a degree in one hand and a delivery bag in the other
cart: The careers fair, where every stand is recruiting for jobs abroad
fact: Unemployment among university graduates is higher than among those who left school at
  sixteen, a pattern economists describe as one of the region's most persistent puzzles.
fact: About {a:40-55} percent of new graduates work in jobs unrelated to their field of study
  within two years, according to a tracer survey by the Ministry of Higher Education.
fact: Public-sector hiring, which once absorbed most graduates, has been largely frozen for {a:4-8}
  years.
fact: Applications for work visas abroad among people under 30 rose by about {a:20-40} percent last
  year, according to recruitment agencies in {place}.
fact: Vocational colleges report unfilled places in trades such as welding, refrigeration and
  electrical installation, where wages are often higher than in entry-level office jobs.
q-official: We pay half the salary for up to nine months. After that, we expect employers who value
  the graduate to keep them.
q-expert: The problem is not only too few jobs. It is too few jobs that reward what a degree is
  supposed to signal.
q-resident: I sent ninety applications and got four interviews. Three of them asked for five years
  of experience for a junior post.
ask: Is the degree still worth it?
ask: Why do employers say they cannot find skills?
arg: A young person who waits three years for a first job does not lose three years. They lose the
  confidence that the system works.
arg: Vocational training has an image problem, and it is largely the fault of parents, ministries
  and, yes, newspapers like this one.
arg: Every internship scheme should publish one figure: how many interns were still employed a year
  later.

== tourism
tags: Tourism | Heritage | Economy
issue: tourism
scene: a tourist photographing another tourist photographing the sunset
official: director general of the Tourism Board
expert: a tourism researcher at the University of the Coast
resident: a hotel receptionist in {place}
image: seafront hotel at sunset >> A hotel on the seafront in {place}.
image: visitors in an old souk >> Visitors in the old market of {place}.
stand: Visitor numbers are at a record high. Whether the money stays in town is another question.
stand: A new flight route has brought a wave of visitors, and a debate about what kind of tourism
  the city wants.
news: Hotel occupancy in {place} hits {a:78-91} percent over the holiday season >> Hotels in
  {place} were {a} percent full over the holiday season, the Tourism Board said, the highest rate
  since it began publishing the figures.
news: New direct flights to bring European visitors to {place} >> A low-cost airline will begin
  {a:3-5} weekly direct flights to {place} from two European cities in the autumn, the Tourism
  Board announced on Thursday.
news: Tourist tax introduced in {place} to fund old town repairs >> Visitors staying in hotels in
  {place} will pay a tax of {a:2-4} dollars a night from next month, with the money earmarked for
  repairs in the old town.
op: Tourism that leaves nothing behind but litter is not an industry >> Cruise passengers who spend
  four hours and twenty dollars in town are not a development strategy.
op: {place} does not need more hotels. It needs visitors who stay longer >> The difference between
  a day trip and a three-night stay is the difference between a car park and a local economy.
rep: Who profits from the tourist boom in {place}? >> Hotel owners, guides, taxi drivers and
  residents weigh the gains and the costs of a record season.
rep: After the season: {place} counts the takings and the rubbish >> A busy summer has filled
  hotels and strained water, roads and patience.
cart: A tourist photographs another tourist photographing the sunset
cart: The new seafront promenade, reserved for guests
fact: Tourism accounts for about {a:7-12} percent of jobs in {place}, according to the Tourism
  Board, most of them seasonal.
fact: The average visitor stays {d:2.1-3.4} nights, well below the five or six nights typical of
  competing destinations.
fact: Short-term rental listings in the old town have more than doubled in two years, and residents
  say long-term flats are becoming hard to find.
fact: Hotel workers earn on average about {a:20-35} percent less than the national median wage,
  union figures show.
fact: The Tourism Board spends most of its promotion budget on overseas fairs and social media
  campaigns aimed at visitors from Europe and the wider region.
q-official: We want visitors who come for the food, the history and the people, and who come back.
  Numbers alone are not the goal.
q-expert: Tourism can be a lifeline for small towns, but only if the spending reaches guesthouses,
  restaurants and guides rather than a few large operators.
q-resident: In August we turn people away every night. In February the lobby is so quiet I can hear
  the sea.
ask: Who benefits from the boom?
ask: How many visitors is too many?
arg: A tourist tax is a fair idea, provided residents can see where the money goes.
arg: The old town is not a stage set. People live there, and tourism policy should start with them.
arg: Seasonal jobs with no contract are a poor foundation for an economy that describes tourism as
  its future.

== energy
tags: Energy | Climate | Technology
issue: the energy transition
scene: a solar panel shading a diesel generator
official: director of renewable energy at the Ministry of Energy
expert: an energy analyst at the Centre for Energy Studies
resident: a farmer outside {place}
image: solar farm in the desert >> Solar panels at a plant outside {place}.
image: rooftop solar panels on houses >> Rooftop panels on homes in {place}.
stand: Solar power is now the cheapest electricity in the region. Getting it onto the grid is the
  hard part.
stand: Rooftop panels are spreading across the city as households try to escape rising bills and
  daily power cuts.
news: Solar plant near {place} connected to the national grid >> A {a:200-400/50}-megawatt solar
  plant near {place} was connected to the national grid on Sunday, enough to supply roughly
  {b:90-170/10} thousand homes during daylight hours, the Ministry of Energy said.
news: Households in {place} can now sell rooftop solar power to the grid >> Households with rooftop
  panels in {place} will be paid for surplus electricity exported to the grid under new net
  metering rules that take effect next month.
news: Solar irrigation pumps offered to farmers near {place} at half price >> Farmers near {place}
  can buy solar-powered irrigation pumps at half price under a programme that aims to replace
  {a:1500-3000/500} diesel pumps within three years.
op: The sun is free. Our grid is the problem >> We have built solar plants faster than the lines to
  carry their power. That order of priorities will cost us.
op: Every roof in {place} could be a power station, if the rules allowed it >> The technology is
  cheap and proven. What holds rooftop solar back is paperwork, and paperwork is a choice.
rep: Sun, diesel and the grid: inside the energy transition in {place} >> Households, farmers and
  utilities are moving at different speeds towards a solar future.
rep: Why are the rooftops of {place} still bare? >> Panels have never been cheaper. We asked
  installers, banks and officials what is holding households back.
cart: A solar panel shades a diesel generator
cart: The minister unveils the solar plant at night
fact: Solar now supplies about {a:9-17} percent of the country's electricity, up from less than
  three percent five years ago.
fact: Grid losses, technical and commercial, are estimated at around {a:15-24} percent of
  generation, one of the highest rates in the region.
fact: A typical rooftop system for a family home costs about {a:3000-6000/500} dollars and pays for
  itself in four to six years at current tariffs, installers say.
fact: Diesel still powers most irrigation pumps in the surrounding farmland, and farmers spend up
  to a third of their income on fuel in dry years.
fact: Battery storage remains expensive, which means solar output has to be matched with gas-fired
  plants in the evening, when demand peaks.
q-official: Every megawatt of solar we add is a megawatt of fuel we do not have to import. The
  economics are no longer in question.
q-expert: The region has some of the best sunshine on earth and some of the weakest grids. Fixing
  the second is less glamorous and more important.
q-resident: The diesel pump cost me more than my children's school fees. The solar pump cost more
  at the start and almost nothing since.
ask: Why is the grid falling behind?
ask: Who can afford to go solar?
arg: An energy transition that only the well-off can join will deepen inequality, however green it
  looks.
arg: Subsidising diesel while taxing imported solar panels is not a policy. It is a contradiction.
arg: The cheapest kilowatt-hour is the one nobody needs to generate, and insulation and efficient
  air conditioners deserve the same enthusiasm as solar farms.

== press
tags: Media | Local Government | Culture
issue: the freedom of the press
scene: an editor reading tomorrow's newspaper through a magnifying glass
official: spokesperson for the Media Commission
expert: a media law professor at Rihan University
resident: a freelance journalist in {place}
image: printing press running newspapers >> Newspapers coming off the press at a printing house in
  {place}.
image: reporters at a press conference >> Reporters at a press conference in {place}.
stand: A draft media law would change how online outlets are licensed. Journalists want to know who
  decides what counts as news.
stand: Local newspapers are closing, and with them goes the only regular scrutiny many councils
  ever face.
news: Draft media law published for consultation >> The Media Commission published a draft law on
  Monday that would require news websites with more than {a:20-50} thousand monthly readers to
  register, and invited comments for {b:30-60} days.
news: The {place} Courier prints its last edition after {a:40-70} years >> The {place} Courier
  printed its final edition on Thursday after {a} years, citing falling advertising revenue and the
  rising cost of paper.
news: Journalists' syndicate in {place} launches legal aid fund >> The journalists' syndicate in
  {place} has set up a fund to cover legal costs for members facing defamation suits, with initial
  contributions of about {a:80-150/10} thousand dollars.
op: A council that nobody reports on is a council that answers to nobody >> When the local paper
  closes, nobody sits through the budget meeting. The consequences arrive slowly and cost a great
  deal.
op: Licensing news websites will not make journalism more responsible >> Good regulation protects
  readers from fraud. It should not decide who is allowed to ask questions.
rep: The last reporter at the council: local news in {place} >> As newspapers shrink, a handful of
  freelancers and volunteers are trying to keep watch over local government.
rep: Who pays for local journalism in {place}? >> Advertising has moved to the platforms. Readers,
  foundations and councils are being asked to fill the gap, each with strings attached.
cart: An editor reads tomorrow's newspaper through a magnifying glass
cart: The press conference, where all questions were submitted in advance
fact: The number of local newspapers in print has fallen from {a:14-19} to {b:4-7} in a decade,
  according to the journalists' syndicate.
fact: Defamation remains a criminal offence, and journalists say the threat of a lawsuit is often
  enough to kill a story before it is written.
fact: Most local news sites employ fewer than five full-time staff and rely on freelancers paid per
  article.
fact: Public bodies are required by law to respond to information requests within {a:15-30} days,
  but a study by a press freedom group found that fewer than half did so on time.
fact: Advertising revenue for print titles has fallen by roughly {a:50-70} percent in five years,
  as businesses moved their budgets to social media.
q-official: The draft is about transparency of ownership, not content. Readers have a right to know
  who owns the outlets they read.
q-expert: Any registration scheme is only as good as the body that runs it. The question is whether
  the commission is independent of the people it regulates.
q-resident: I cover three councils on my own. If I miss a session, nobody writes about it at all.
ask: Who decides what counts as news?
ask: What happens when the local paper closes?
arg: Journalism is a public good that has lost its business model. Pretending otherwise helps
  nobody.
arg: A defamation law that can jail a reporter chills far more stories than it stops.
arg: Readers who want accountable councils will have to pay for someone to watch them.

== health
age: 29-58
tags: Health | Jobs | Cities
issue: access to primary health care
scene: a waiting room where the patients have started a book club
official: director of primary care at the Ministry of Health
expert: a public health specialist at the University of the Coast
resident: a pharmacist in {place}
image: waiting room at a public clinic >> Patients wait at a public health centre in {place}.
image: nurse checking blood pressure >> A nurse takes a patient's blood pressure at a clinic in
  {place}.
stand: Public clinics are busy, understaffed and, for many families, the only affordable option.
stand: Nurses are leaving for better-paid jobs abroad, and rural clinics are feeling it first.
news: New health centre with evening hours opens in {place} >> A public health centre with evening
  opening hours, a pharmacy and a maternity unit opened in {place} on Sunday, serving a catchment
  of about {a:40-80} thousand people.
news: Nursing shortage forces clinic in {place} to cut its hours >> The main public clinic in
  {place} has reduced its opening hours after {a:5-9} nurses resigned in three months, most of them
  to take jobs abroad, the health directorate said.
news: Free diabetes screening extended to {place} >> Adults over 40 in {place} can now be screened
  for diabetes free of charge at public clinics, under a programme the Ministry of Health says has
  found {a:9-14} thousand undiagnosed cases elsewhere.
op: Applauding nurses is not a workforce plan >> We praised health workers in the crisis and then
  let their salaries fall behind inflation. They noticed.
op: A good clinic in {place} would save more lives than a new hospital in the capital >> Primary
  care is unglamorous and cheap. That is exactly why it is neglected.
rep: A day at the public clinic in {place} >> From the queue at seven in the morning to the last
  patient at dusk, we spent a shift with the staff of a busy health centre.
rep: Why are nurses leaving {place}? >> Pay, hours and the pull of recruiters from abroad are
  emptying rural clinics.
cart: A waiting room where the patients have started a book club
cart: The health centre's new opening hours, subject to staff availability
fact: A doctor at a busy public clinic may see {a:60-90} patients in a single shift, leaving about
  five minutes for each.
fact: Out-of-pocket spending accounts for about {a:30-45} percent of total health expenditure,
  according to the Ministry of Health's own accounts.
fact: Rural clinics report vacancy rates for nurses of up to {a:20-35} percent, and some rely on
  retired staff working part-time.
fact: Diabetes and high blood pressure are now the most common reasons for a clinic visit,
  reflecting an ageing population and changing diets.
fact: Private clinics have multiplied in {place}, but a standard consultation there costs roughly a
  day's wage for a manual worker.
q-official: Every patient treated at a health centre is one fewer in an emergency department.
  Primary care is the cheapest care we provide.
q-expert: Nurses are the backbone of the system. When they leave, the doctors stay but the system
  stops working.
q-resident: People come to me first because I am open late and I do not charge for advice. I should
  not be their doctor, but often I am.
ask: Why do patients skip the clinic?
ask: Can the system keep its nurses?
arg: Health budgets are written around buildings and machines. Patients are cared for by people.
arg: A nurse who leaves for a job abroad is not disloyal. She is responding to a price signal we
  chose to send.
arg: Evening clinic hours would cost little and help the workers who cannot take a morning off to
  queue.

== sports
age: 27-52
tags: Football | Sport | Youth
issue: the future of local football
scene: a football pitch where the goalposts are the only thing not for sale
official: secretary general of the Football Association
expert: a sports economist at Rihan University
resident: a youth coach in {place}
image: floodlit football stadium at night >> The stadium in {place} under floodlights.
image: children playing football on a dusty pitch >> Children play football on a neighbourhood
  pitch in {place}.
stand: Crowds are back at the stadium, but the clubs behind the teams are struggling to pay their
  players.
stand: A new league format promises more television money. Smaller clubs fear they will be left
  behind.
news: {place} Sporting Club clinch promotion with a late winner >> {place} Sporting Club secured
  promotion to the first division on Friday night, beating their closest rivals 2-1 with a goal in
  the {a:86-89}th minute in front of about {b:9000-16000/500} fans.
news: Football Association caps squad wage bills >> Clubs in the top division will be limited to
  spending {a:55-70} percent of their revenue on player wages from next season, the Football
  Association said on Monday.
news: Municipal stadium in {place} to reopen after renovation >> The municipal stadium in {place}
  will reopen next month after a renovation that added covered stands and raised capacity to about
  {a:18000-26000/1000} seats.
op: Football clubs are civic institutions. Run them like it >> A club that spends next year's
  television money this season is not ambitious. It is reckless with something that belongs to its
  town.
op: Every child in {place} deserves a pitch within walking distance >> We celebrate national team
  victories and neglect the neighbourhood grounds where every player began.
rep: Saturday afternoons in {place}: the club, the town and the money >> Behind a promotion-chasing
  team lies a club balancing unpaid wages, loyal fans and a stadium it does not own.
rep: Where are the women's teams in {place}? >> Girls' football is growing fast in schools. The
  clubs have been slower to notice.
cart: The transfer window, seen from the club's accounts department
cart: A referee consults the video screen while the fans consult their own
fact: Average attendance in the top division rose to about {a:6000-9500/500} this season, the
  highest in a decade, according to league figures.
fact: At least {a:4-7} clubs were late paying players' wages last season, and two were docked
  points.
fact: Television rights bring in about {a:20-40} percent of club revenue in the top division, and
  much less further down.
fact: Most clubs rent their stadiums from municipalities, which limits their ability to earn money
  on days without a match.
fact: Girls' school football teams have grown from a handful to more than {a:120-260/10} across the
  country in five years.
q-official: Financial rules are not there to punish ambition. They are there to make sure clubs
  still exist in ten years.
q-expert: Football's economics in the region are upside down: the fans are loyal, the product is
  popular, and the clubs are still broke.
q-resident: I have forty children on Tuesday evenings and one pitch shared with two other teams. We
  play on half of it and dream about the rest.
ask: Can clubs live within their means?
ask: Who owns the game?
arg: A salary cap protects clubs from their own worst instincts, and fans from watching their club
  disappear.
arg: The grassroots are where the next generation is made, and where the least money is spent.
arg: Clubs should give supporters a formal voice, because supporters are the only stakeholders who
  never leave.

== cinema
tags: Cinema | Culture | Youth
issue: independent cinema
scene: a festival audience of three, plus the director's mother
official: director of the Film Fund at the Ministry of Culture
expert: a film critic who lectures at the Academy of Arts
resident: an independent filmmaker in {place}
image: open-air cinema screening at night >> An open-air screening in {place}.
image: old cinema facade >> The facade of a historic cinema in {place}.
stand: Regional films are winning prizes abroad, yet audiences at home rarely get to see them.
stand: A new film fund promises support for first-time directors. Filmmakers are asking what
  strings come attached.
news: Historic cinema in {place} to reopen after restoration >> The oldest cinema in {place}, which
  first opened about {a:60-85} years ago, will reopen in the spring after a restoration funded by
  the municipality and a private foundation, with {b:300-450/10} seats and a programme devoted to
  regional films.
news: Film Fund backs {a:8-14} first features >> The Film Fund has awarded grants to {a} first
  feature films this year, {b:3-6} of them directed by women, the Ministry of Culture announced.
news: Film festival in {place} opens with a record number of entries >> The film festival in
  {place} opened on Wednesday with {a:140-260/10} films in its programme, chosen from a record
  number of submissions from across the region.
op: Our films travel the world but cannot find a screen at home >> A prize at a European festival
  should not be the only way a regional film reaches its own audience.
op: Give {place} its cinemas back >> The old picture houses were where a city watched itself.
  Shopping-mall multiplexes are not the same thing.
rep: Making films on a shoestring in {place} >> Independent directors describe borrowing cameras,
  crowdfunding and shooting at weekends.
rep: Can a small cinema survive in {place}? >> Streaming, rents and censorship have closed many
  screens. A few stubborn owners are still selling tickets.
cart: A festival audience of three, plus the director's mother
cart: The censor watches the film, and the film watches back
fact: The country has about {a:90-140} cinema screens, most of them in shopping centres in the two
  largest cities.
fact: Regional productions account for fewer than {a:5-9} percent of tickets sold, according to
  distributors, with Hollywood and Egyptian films dominating.
fact: The Film Fund's annual budget is about {d:2.5-6.5} million dollars, enough to support a
  handful of features and a few dozen short films.
fact: Several recent films by local directors were shot with crews of fewer than {a:12-20} people,
  many of them working unpaid.
fact: Screenings in community halls and cafés have become a regular fixture in {place}, often
  followed by discussions with the filmmakers.
q-official: We want first-time directors to make the film they believe in, not the one they think a
  committee wants.
q-expert: The talent is not in doubt. What is missing is distribution: a film nobody can see might
  as well not exist.
q-resident: My last film played in eleven countries and for one night in my own city, in a café
  with a borrowed projector.
ask: Why can audiences not see local films?
ask: What would a healthy film industry need?
arg: A film fund that pays for production but not distribution is funding films for festivals, not
  for audiences.
arg: Cinemas are public spaces as much as businesses, and cities should treat them that way.
arg: Censorship rarely bans a film outright. It simply makes it too uncertain to screen.

== books
tags: Books | Culture | Education
issue: the state of the book trade
scene: a bookshop where the customers are outnumbered by the authors
official: director of the National Book Fair
expert: a publisher who sits on the board of the Publishers' Union
resident: a bookseller in {place}
image: book fair stalls crowded with visitors >> Visitors at the book fair in {place}.
image: second-hand bookshop >> A second-hand bookshop in the old market of {place}.
stand: The book fair draws crowds every year, but publishers say the rest of the year is a
  struggle.
stand: Translation grants and reading clubs are helping regional literature find new readers at
  home and abroad.
news: Book fair in {place} draws record crowds >> About {a:90-180/10} thousand visitors passed
  through the book fair in {place} over ten days, organisers said, with {b:300-450/10} publishers
  from across the region taking part.
news: Translation fund to support {a:20-40} Arabic novels in English and French >> A new
  translation fund will pay for {a} Arabic novels and story collections to be translated into
  English and French over the next three years, the Publishers' Union said.
news: Public library in {place} extends its hours and drops the membership fee >> The public
  library in {place} will open until ten in the evening and abolish its annual membership fee from
  next month, the municipality said.
op: A country that reads only at the book fair does not read >> Ten days of crowds cannot hide
  three hundred and fifty days of empty libraries.
op: Our novelists deserve translators, not just prizes >> A novel read in one language is a
  conversation with half the room.
rep: The last bookshops of {place} >> Booksellers describe rising rents, online piracy and the
  loyal customers who keep them open.
rep: Who reads in {place}? A survey, a library and a reading club >> Reading habits are changing,
  but not in the direction the pessimists predicted.
cart: A bookshop where the customers are outnumbered by the authors
cart: The cookbook signing queue at the book fair reaches the car park
fact: A typical literary novel has a first print run of {a:500-1500/100} copies, and many never
  sell out.
fact: Pirated copies of popular titles often appear online within days of publication, publishers
  say.
fact: Paper and printing costs have roughly doubled in three years, pushing the price of a new
  novel beyond the reach of many students.
fact: Reading clubs meeting in cafés and libraries have multiplied in {place}, many of them
  organised by young women in their twenties.
fact: Fewer than {a:10-18} percent of public schools have a functioning library with a librarian,
  according to the Ministry of Education.
q-official: The fair is a celebration, but a celebration needs something to celebrate. Our real
  work is the other eleven months.
q-expert: Publishing in the region survives on passion and thin margins. One bad fair can close a
  small house.
q-resident: My best customers are students who buy one book a month and read it twice. They keep me
  open.
ask: Are young people reading less?
ask: Can small publishers survive?
arg: Libraries are the cheapest cultural institutions a city can run, and the first to lose their
  budgets.
arg: Piracy is a symptom of prices that students cannot pay. Cheaper editions would do more than
  lawsuits.
arg: Translation is not a luxury. It is how a literature enters the conversation of the world.
"""

_AUTHORS = [
    {
        "name": "Layla Haddad",
        "name_ar": "ليلى حداد",
        "slug": "layla-haddad",
        "role": "Columnist",
        "role_ar": "كاتبة عمود",
        "bio": "Layla Haddad writes a weekly column on cities, public money and the people who pay "
        "for both. She spent a decade as a municipal reporter before turning to opinion.",
        "bio_ar": "تكتب ليلى حداد عمودًا أسبوعيًا عن المدن والمال العام ومن يدفعون ثمنهما. "
        "أمضت عقدًا مراسلةً لشؤون البلديات قبل أن تتفرغ لكتابة الرأي.",
        "sections": ["opinion"],
        "x_handle": "layla_haddad_gz",
    },
    {
        "name": "Omar Khatib",
        "name_ar": "عمر خطيب",
        "slug": "omar-khatib",
        "role": "Senior Correspondent",
        "role_ar": "كبير المراسلين",
        "bio": "Omar Khatib has covered local government, elections and reconstruction across the "
        "region for fifteen years. He leads the magazine's reporting desk.",
        "bio_ar": "يغطي عمر خطيب شؤون الحكم المحلي والانتخابات وإعادة الإعمار في المنطقة منذ "
        "خمسة عشر عامًا، ويقود قسم التقارير في المجلة.",
        "sections": ["news", "report"],
        "x_handle": "omarkhatib_gz",
    },
    {
        "name": "Rania Saad",
        "name_ar": "رانيا سعد",
        "slug": "rania-saad",
        "role": "Economics Correspondent",
        "role_ar": "مراسلة الشؤون الاقتصادية",
        "bio": "Rania Saad reports on prices, banking and the digital economy. She trained as an "
        "economist before joining the magazine.",
        "bio_ar": "تكتب رانيا سعد عن الأسعار والمصارف والاقتصاد الرقمي. درست الاقتصاد قبل أن "
        "تنضم إلى المجلة.",
        "sections": ["news", "report"],
        "x_handle": "",
    },
    {
        "name": "Yousef Amiri",
        "name_ar": "يوسف أميري",
        "slug": "yousef-amiri",
        "role": "Columnist",
        "role_ar": "كاتب عمود",
        "bio": "Yousef Amiri is a former teacher who writes about education, youth and work. His "
        "column appears every other week.",
        "bio_ar": "يوسف أميري مدرّس سابق يكتب عن التعليم والشباب والعمل، ويُنشر عموده كل أسبوعين.",
        "sections": ["opinion"],
        "x_handle": "",
    },
    {
        "name": "Nadia Farouk",
        "name_ar": "نادية فاروق",
        "slug": "nadia-farouk",
        "role": "Environment Reporter",
        "role_ar": "مراسلة شؤون البيئة",
        "bio": "Nadia Farouk covers water, heat and energy. Her reporting has taken her from "
        "desalination plants to farms at the edge of the desert.",
        "bio_ar": "تغطي نادية فاروق شؤون المياه والحر والطاقة، وقد قادتها تقاريرها من محطات "
        "التحلية إلى المزارع على أطراف الصحراء.",
        "sections": ["news", "report"],
        "x_handle": "nadia_farouk_gz",
    },
    {
        "name": "Karim Zidan",
        "name_ar": "كريم زيدان",
        "slug": "karim-zidan",
        "role": "Culture Editor",
        "role_ar": "محرر الشؤون الثقافية",
        "bio": "Karim Zidan edits the culture pages and writes about cinema, books and heritage. "
        "He has served on the juries of several regional film festivals.",
        "bio_ar": "يحرر كريم زيدان الصفحات الثقافية ويكتب عن السينما والكتب والتراث، وشارك في "
        "لجان تحكيم عدد من المهرجانات السينمائية في المنطقة.",
        "sections": ["report", "opinion"],
        "x_handle": "",
    },
    {
        "name": "Maya Sarkis",
        "name_ar": "مايا سركيس",
        "slug": "maya-sarkis",
        "role": "Cartoonist",
        "role_ar": "رسامة كاريكاتير",
        "bio": "Maya Sarkis draws the magazine's weekly cartoon. Her work has been exhibited in "
        "galleries across the region.",
        "bio_ar": "ترسم مايا سركيس الكاريكاتير الأسبوعي للمجلة، وعُرضت أعمالها في صالات فنية "
        "في أنحاء المنطقة.",
        "sections": ["caricature"],
        "x_handle": "mayasarkis_draws",
    },
    {
        "name": "Bassam Touma",
        "name_ar": "بسام توما",
        "slug": "bassam-touma",
        "role": "Cartoonist",
        "role_ar": "رسام كاريكاتير",
        "bio": "Bassam Touma has been drawing political and social cartoons for twenty years. He "
        "also teaches illustration at the Academy of Arts.",
        "bio_ar": "يرسم بسام توما الكاريكاتير السياسي والاجتماعي منذ عشرين عامًا، ويدرّس "
        "الرسم التوضيحي في أكاديمية الفنون.",
        "sections": ["caricature"],
        "x_handle": "",
    },
    {
        "name": "Ines Bakri",
        "name_ar": "إيناس بكري",
        "slug": "ines-bakri",
        "role": "Translator",
        "role_ar": "مترجمة",
        "bio": "Ines Bakri translates the magazine's Arabic and English articles. She has "
        "translated novels and essays for several regional publishers.",
        "bio_ar": "تترجم إيناس بكري مقالات المجلة بين العربية والإنجليزية، وقد ترجمت روايات "
        "ومقالات لعدد من دور النشر في المنطقة.",
        "sections": ["news", "report", "opinion"],
        "x_handle": "",
    },
    {
        "name": "Faisal Nouri",
        "name_ar": "فيصل نوري",
        "slug": "faisal-nouri",
        "role": "Cities Reporter",
        "role_ar": "مراسل شؤون المدن",
        "bio": "Faisal Nouri reports on housing, transport and the daily life of the region's "
        "cities. He joined the magazine from a local radio station.",
        "bio_ar": "يكتب فيصل نوري عن السكن والنقل والحياة اليومية في مدن المنطقة، وانضم إلى "
        "المجلة قادمًا من إذاعة محلية.",
        "sections": ["news", "report"],
        "x_handle": "faisalnouri_gz",
    },
    {
        "name": "Dina Kanaan",
        "name_ar": "دينا كنعان",
        "slug": "dina-kanaan",
        "role": "Health and Science Reporter",
        "role_ar": "مراسلة الصحة والعلوم",
        "bio": "Dina Kanaan covers health services, science and technology. She previously worked "
        "as a pharmacist.",
        "bio_ar": "تغطي دينا كنعان شؤون الخدمات الصحية والعلوم والتكنولوجيا، وعملت سابقًا صيدلانية.",
        "sections": ["news", "report"],
        "x_handle": "",
    },
    {
        "name": "Hadi Sabbagh",
        "name_ar": "هادي صباغ",
        "slug": "hadi-sabbagh",
        "role": "Sports Correspondent",
        "role_ar": "مراسل رياضي",
        "bio": "Hadi Sabbagh writes about football, from the first division to neighbourhood "
        "pitches. He has followed the national team to three continental tournaments.",
        "bio_ar": "يكتب هادي صباغ عن كرة القدم، من الدوري الممتاز إلى ملاعب الأحياء، ورافق "
        "المنتخب الوطني في ثلاث بطولات قارية.",
        "sections": ["news", "report"],
        "x_handle": "hadisabbagh_gz",
    },
    {
        "name": "Amal Rifai",
        "name_ar": "أمل رفاعي",
        "slug": "amal-rifai",
        "role": "Contributing Columnist",
        "role_ar": "كاتبة مساهمة",
        "bio": "Amal Rifai is a software engineer and writes about technology, work and women in "
        "the workplace. Her column appears monthly.",
        "bio_ar": "أمل رفاعي مهندسة برمجيات تكتب عن التكنولوجيا والعمل والمرأة في بيئة العمل، "
        "ويُنشر عمودها شهريًا.",
        "sections": ["opinion"],
        "x_handle": "",
    },
    {
        "name": "Tariq Belhaj",
        "name_ar": "طارق بلحاج",
        "slug": "tariq-belhaj",
        "role": "Regional Analyst",
        "role_ar": "محلل الشؤون الإقليمية",
        "bio": "Tariq Belhaj writes analysis on trade, energy and ports. He previously worked at "
        "a research centre on regional economic policy.",
        "bio_ar": "يكتب طارق بلحاج تحليلات عن التجارة والطاقة والموانئ، وعمل سابقًا في مركز "
        "أبحاث متخصص في السياسات الاقتصادية الإقليمية.",
        "sections": ["report", "opinion"],
        "x_handle": "",
    },
]

_SLOT = re.compile(r"\{([A-Za-z]+)(?::(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?:/(\d+))?)?\}")
_STOP_EN = {
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by",
    "from", "as", "is", "are", "its", "it", "not", "that", "this", "who", "what", "than", "into",
    "after", "before", "about", "our", "their", "we", "how", "where", "why", "when", "does", "do",
    "can", "has", "have", "be", "was", "were", "they", "them", "his", "her", "if", "so", "up",
}  # fmt: skip
_STOP_AR = {
    "في", "من", "إلى", "على", "عن", "مع", "بين", "حول", "أو", "ثم", "لا", "ما", "التي", "الذي",
    "بعد", "قبل", "حتى", "كما", "أن", "إن", "بل", "لكن", "هو", "هي", "قد", "وفي", "ومن",
}  # fmt: skip


_CUT_EN = {
    "as", "since", "before", "after", "while", "with", "for", "to", "in", "on", "at", "from", "by",
    "and", "but", "where", "when", "that", "which", "who", "about", "among", "than", "because",
}  # fmt: skip
_JOINERS = {"and", "but", "or", "so", "which", "who", "where", "while"}
_CUT_AR = {"في", "من", "إلى", "على", "بعد", "قبل", "مع", "حول", "بين", "حتى", "منذ", "عند"}


def _parse(text):
    """Turn the data notation into a list of topic dicts of entries."""
    topics, cur, last = [], None, None
    for raw in text.splitlines():
        if not raw.strip():
            continue
        if raw.startswith("== "):
            cur = {"key": raw[3:].strip()}
            topics.append(cur)
        elif raw.startswith(" "):
            last[1] += " " + raw.strip()
        else:
            key, _, value = raw.partition(": ")
            last = [key, value.strip()]
            cur.setdefault(key, []).append(last)
    for topic in topics:
        for key in [k for k in topic if k != "key"]:
            items = []
            for i, (_, value) in enumerate(topic[key]):
                parts = value.split(" || ")
                items.append(
                    {
                        "id": f"{topic['key']}.{key}.{i}",
                        "en": parts[0],
                        "ar": parts[1] if len(parts) > 1 else None,
                        "ar_f": parts[2] if len(parts) > 2 else None,
                    }
                )
            topic[key] = items
    return topics


_G = _parse(_GENERIC)[0]
_TOPICS_AR = _parse(_BILINGUAL)
_TOPICS = _TOPICS_AR + _parse(_ENGLISH)


def _cap(text):
    return text[:1].upper() + text[1:]


def _fill(template, lang, ctx, cache, rng):
    """Fill {place}-style fields and {a:1-9} numbers; numbers are shared through cache."""

    def sub(m):
        name, lo, hi, step = m.groups()
        if name.lower() in ctx:
            value = ctx[name.lower()][lang]
            return _cap(value) if name[0].isupper() and lang == "en" else value
        if name not in cache:
            if lo is None:
                raise KeyError(f"number {name} used before it was drawn in {template!r}")
            if "." in lo:
                cache[name] = rng.randint(round(float(lo) * 10), round(float(hi) * 10)) / 10
            else:
                cache[name] = rng.randrange(int(lo), int(hi) + 1, int(step or 1))
        value = cache[name]
        if isinstance(value, float):
            return f"{value:.1f}"
        return f"{value:,}" if lang == "en" else str(value)

    return _SLOT.sub(sub, template)


def _split(text):
    head, _, rest = text.partition(" >> ")
    return head, rest or None


class _Writer:
    """Composes one article in one or two languages with shared random choices."""

    def __init__(self, rng, topic, langs, place, uses=None):
        self.rng, self.t, self.langs = rng, topic, langs
        # How often each entry has gone into an article of this call, overall and within
        # this topic: pools offer the least used first, so articles on one subject do not
        # repeat each other's paragraphs (the newsroom's near-duplicate check would object).
        self.uses = uses if uses is not None else {}
        # Rendered text (by identity) → the entries it was made from.
        self.sources = {}
        en, ar, _ = place
        self.ctx = {"place": {"en": en, "ar": ar}, "issue": self._pair(topic["issue"][0])}
        scene = topic.get("scene")
        self.ctx["scene"] = self._pair(scene[0]) if scene else self.ctx["issue"]

    @staticmethod
    def _pair(entry):
        return {"en": entry["en"], "ar": entry["ar"] or entry["en"]}

    def pool(self, items):
        """A shuffled copy of the entries usable in every language of this article."""
        usable = [e for e in items if "ar" not in self.langs or e["ar"]]
        self.rng.shuffle(usable)
        topic = self.t["key"]
        usable.sort(key=lambda e: (self.uses.get((topic, e["id"]), 0), self.uses.get(e["id"], 0)))
        return usable

    def made_from(self, rendered, *parts):
        """Remember that `rendered` was made from `parts` (entries or rendered texts)."""
        ids = []
        for part in parts:
            if isinstance(part, dict) and "id" in part and "en" in part:
                ids.append(part["id"])
            else:
                known = self.sources.get(id(part))
                ids.extend(known[1] if known and known[0] is part else [])
        self.sources[id(rendered)] = (rendered, ids)
        return rendered

    def used(self, entry) -> int:
        """How many articles on this topic have used `entry` so far."""
        return self.uses.get((self.t["key"], entry["id"]), 0)

    def mark_used(self, blocks):
        """Count the entries whose text went into this article's blocks."""
        topic = self.t["key"]
        for _kind, value in blocks:
            known = self.sources.get(id(value))
            for entry_id in known[1] if known and known[0] is value else []:
                self.uses[entry_id] = self.uses.get(entry_id, 0) + 1
                self.uses[(topic, entry_id)] = self.uses.get((topic, entry_id), 0) + 1

    def text(self, entry, part=None, cache=None):
        """Render an entry; part 0/1 selects headline or lede of a ' >> ' entry."""
        cache = {} if cache is None else cache
        out = {}
        for lang in self.langs:
            raw = entry[lang]
            if part is not None:
                raw = _split(raw)[part]
            out[lang] = None if raw is None else _fill(raw, lang, self.ctx, cache, self.rng)
        return self.made_from(out, entry)

    def person(self, who, person):
        name_en, name_ar, gender, age = person
        role = self.t[who][0]
        role_ar = role["ar_f"] if gender == "f" and role["ar_f"] else role["ar"]
        ctx_role = {"en": role["en"], "ar": role_ar}
        label = {"en": name_en, "ar": name_ar}
        if who == "resident":
            label = {"en": f"{name_en}, {age}", "ar": f"{name_ar} ({age} عامًا)"}
        return {
            "label": label,
            "surname": {"en": name_en.split()[-1], "ar": name_ar.split()[-1]},
            "role": {
                lang: _fill(ctx_role[lang] or "", lang, self.ctx, {}, self.rng)
                for lang in self.langs
            },
            "g": 1 if gender == "f" else 0,
            "quoted": False,
        }

    def quote(self, who, entry, style="report"):
        """A quotation paragraph; the first mention carries the name and role."""
        q = self.text(entry)
        if style == "opinion":
            forms = _OPINION_FORMS
        else:
            forms = _LATER_FORMS if who["quoted"] else _FIRST_FORMS
        en_form, ar_form, verbs = self.rng.choice(forms)
        name = who["surname"] if who["quoted"] else who["label"]
        who["quoted"] = True
        out = {}
        for lang in self.langs:
            body = q[lang]
            form = en_form if lang == "en" else ar_form
            comma = body[:-1] + "," if body.endswith(".") else body
            out[lang] = (
                form.replace("{qc}", comma)
                .replace("{q}", body)
                .replace("{who}", name[lang])
                .replace("{role}", who["role"][lang])
                .replace("{v}", verbs[who["g"]])
            )
        return self.made_from(out, q), q


_FIRST_FORMS = [
    ('"{qc}" said {who}, {role}.', "{v} {who}، {role}: «{q}»", ("وقال", "وقالت")),
    (
        '"{qc}" {who}, {role}, told the magazine.',
        "{v} {who}، {role}، في حديث إلى المجلة: «{q}»",
        ("وقال", "وقالت"),
    ),
    (
        '{who}, {role}, did not mince words: "{q}"',
        "{v} {who}، {role}، في القول: «{q}»",
        ("ولم يتردد", "ولم تتردد"),
    ),
]
_LATER_FORMS = [
    ('"{qc}" {who} added.', "{v} {who}: «{q}»", ("وأضاف", "وأضافت")),
    ('{who} went further: "{q}"', "{v} {who} أبعد من ذلك: «{q}»", ("وذهب", "وذهبت")),
]
_OPINION_FORMS = [
    (
        'As {who}, {role}, put it to me recently: "{q}"',
        "وكما {v} لي {who}، {role}، مؤخرًا: «{q}»",
        ("قال", "قالت"),
    ),
]


def _trim(text, limit, lang):
    """Shorten to whole words within limit, never ending on a dangling little word."""
    text = text.strip()
    if len(text) <= limit:
        return text
    stop = _STOP_EN if lang == "en" else _STOP_AR
    words, out = text.split(), []
    for word in words:
        if len(" ".join([*out, word])) > limit:
            break
        out.append(word)
    while len(out) > 1 and (out[-1].lower().strip(",;:—") in stop or out[-1] in {"—", "-"}):
        out.pop()
    return " ".join(out).rstrip(",;:—-،؛ ")


def _first_sentence(text):
    m = re.search(r"[.?!؟](\s|$)", text)
    return text[: m.start() + 1] if m else text


def _seo_title(headline, lang, place):
    """A shorter title: first sentence, the colon half naming the place, or a clean cut."""
    head = headline.rstrip(".")
    if len(head) <= 70:
        return head
    for sep, end in ((". ", ""), ("? ", "?"), ("؟ ", "؟")):
        first = head.split(sep)[0] + end
        if sep in head and 20 <= len(first) <= 70:
            return first
    if ": " in head:
        before, after = head.split(": ", 1)
        sides = [x for x in (before, _cap(after) if lang == "en" else after) if 20 <= len(x) <= 70]
        if sides:
            return sorted(sides, key=lambda x: (place not in x or len(x) < 30, -len(x)))[0]
    for sep in (", ", "، "):
        if sep in head:  # the first or second clause, preferring the one naming the place
            first, second = head.split(sep)[:2]
            second = _first_sentence(second).rstrip(".")
            lead = second.split()[0]
            second = _cap(second) if lang == "en" else second
            options = [first]
            if place in second and lead.lower() not in _JOINERS and not lead.startswith("و"):
                options.append(second)
            options = [x for x in options if 30 <= len(x) <= 70]
            if options:
                return sorted(options, key=lambda x: place not in x)[0]
    words, best = head.split(), None
    cuts, stop = (_CUT_EN, _STOP_EN) if lang == "en" else (_CUT_AR, _STOP_AR)
    for i in range(2, len(words)):
        cand = " ".join(words[:i]).rstrip(",;:—-،؛ ")
        if len(cand) > 70:
            break
        if words[i].lower() in cuts and words[i - 1].lower() not in stop and len(cand) >= 20:
            best = cand
    return best or _trim(head, 70, lang)


def _description(standfirst, lang):
    if len(standfirst) <= 155:
        return standfirst
    first = _first_sentence(standfirst)
    return first if len(first) <= 155 else _trim(standfirst, 155, lang)


def _place_pool(topic):
    if topic.get("coastal"):
        return [p for p in PLACES if p[2]]
    return list(PLACES)


def _new_person(rng, state, avoid, ages):
    """A fresh invented name, unique within the call, avoiding the given surnames."""
    while True:
        gender = rng.choice("mf")
        first, last = rng.choice(_FIRST[gender]), rng.choice(_SURNAMES)
        name = f"{first[0]} {last[0]}"
        if last[0] not in avoid and name not in state["names"]:
            state["names"].add(name)
            lo, _, hi = ages.partition("-")
            return (name, f"{first[1]} {last[1]}", gender, rng.randint(int(lo), int(hi)))


def _cast(rng, state, topic, place):
    """Officials and experts keep their names across a call; residents belong to a place."""
    people = []
    for who in ("official", "expert", "resident"):
        key = (topic["key"], who, place[0] if who == "resident" else None)
        if key not in state["cast"]:
            ages = topic["age"][0]["en"] if who == "resident" and "age" in topic else "26-64"
            avoid = {p[0].split()[-1] for p in people}
            state["cast"][key] = _new_person(rng, state, avoid, ages)
        people.append(state["cast"][key])
    return people


def _slug_key(text):
    """Roughly what the builder's slug will be, so near-identical headlines count as one."""
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s]+", "-", text).strip("-_")[:80]


def _for_pairs(topic, entry, place):
    """A fixed quarter of bilingual headline combos is kept for arabic_pairs, the rest for
    english_articles, so a translation never repeats an English article's headline."""
    if not entry["ar"]:
        return False
    return zlib.crc32(f"{topic['key']}|{entry['id']}|{place}".encode()) % 4 == 0


def _pick_headline(rng, topic, kind, langs, state):
    """Choose a headline template and place that keep headlines unique within the call."""
    key = {"news": "news", "opinion": "op", "report": "rep", "analysis": "rep"}.get(kind, "cart")
    need_ar = "ar" in langs
    cands = [(e, 0) for e in topic.get(key, [])] + [(e, 1) for e in _G.get(key, [])]
    cands = [(e, g) for e, g in cands if not need_ar or e["ar"]]
    uses, tk = state["uses"], topic["key"]
    # A template comes back on a topic only once the topic has used all of its own: the
    # same story in another town reads as the same story (and as a near-duplicate).
    ranked = sorted(
        cands,
        key=lambda c: (
            uses.get((tk, c[0]["id"]), 0),
            uses.get(c[0]["id"], 0) + c[1],
            rng.random(),
        ),
    )
    for entry, _ in ranked:
        places = _place_pool(topic)
        rng.shuffle(places)
        has_place = "{place" in entry["en"].lower()
        if not has_place:
            places = places[:1]
        for place in places:
            mark = (topic["key"], entry["id"], place[0] if has_place else None)
            if mark in state["marks"] or _for_pairs(topic, entry, mark[2]) != need_ar:
                continue
            writer = _Writer(rng, topic, langs, place, state["uses_in_body"])
            cache = {}
            head = writer.text(entry, 0, cache)
            keys = [_slug_key(head[lang]) for lang in langs]
            if any(k in state["heads"] for k in keys):
                continue
            state["marks"].add(mark)
            state["heads"].update(keys)
            uses[entry["id"]] = uses.get(entry["id"], 0) + 1
            uses[(tk, entry["id"])] = uses.get((tk, entry["id"]), 0) + 1
            return writer, entry, head, cache, place
    raise ValueError(f"ran out of distinct headlines for {topic['key']} ({kind})")


def _interleave(rng, queues, pattern, count):
    """Take count items following pattern, falling back to whichever queue still has items."""
    out = []
    order = list(queues)
    for symbol in (pattern * 3)[: count * 3]:
        if len(out) == count:
            break
        source = queues[symbol] if queues[symbol] else None
        if source is None:
            rest = [k for k in order if queues[k]]
            if not rest:
                break
            source = queues[rng.choice(rest)]
        out.append(source.pop(0))
    return out


def _furnish(rng, w, topic, kind, paras, pull):
    """Insert 1-3 subheadings and perhaps a pull quote into a long article."""
    if kind in ("news", "caricature"):
        return paras
    n = len(paras)
    k = rng.randint(1, 3)
    spots = []
    for j in range(k):
        pos = min(max(round(n * (j + 1) / (k + 1)) + rng.choice([-1, 0, 0, 1]), 2), n - 2)
        if not spots or pos - spots[-1] >= 2:
            spots.append(pos)
    heads = [w.text(e) for e in [*w.pool(topic.get("ask", [])), *w.pool(_G["sub"])][: len(spots)]]
    pull_at = None
    if pull and rng.random() < 0.6:
        pull_at = rng.choice([i for i in range(n // 2, n - 2) if i + 1 not in spots] or [n // 2])
    blocks = []
    for i, block in enumerate(paras):
        if i in spots:
            blocks.append(("subheading", heads[spots.index(i)]))
        blocks.append(block)
        if i == pull_at:
            blocks.append(pull)
    return blocks


def _joined(w, first, second):
    joined = {lang: f"{first[lang]} {second[lang]}" for lang in first}
    return ("paragraph", w.made_from(joined, first, second))


def _body(rng, w, topic, kind, cast, second, generic):
    """Paragraphs, an optional pull quote and the standfirst for one article."""
    G, multi = _G, "ar" in w.langs

    def para(entry):
        return ("paragraph", w.text(entry))

    if kind == "caricature":
        # A note under the cartoon, never one this topic's cartoons have had already.
        fresh = [e for e in w.pool(G["cart_para"]) if not w.used(e)]
        choice = None if rng.random() < 0.25 or not fresh else fresh[0]
        paras = [] if choice is None else [para(choice)]
        return paras, None, w.text(rng.choice(G["stand_cart"]))
    facts = [para(e) for e in w.pool(topic["fact"])]
    if kind == "news":
        # The two voices this topic's earlier news quoted least.
        voices = rng.sample(["official", "resident", "expert"], 3)
        first, other = sorted(voices, key=lambda who: w.used(topic[f"q-{who}"][0]))[:2]
        q1 = ("paragraph", w.quote(cast[first], topic[f"q-{first}"][0])[0])
        q2 = ("paragraph", w.quote(cast[other], topic[f"q-{other}"][0])[0])
        paras = [("paragraph", second), facts[0], q1, facts[1], q2, facts[2]][: rng.randint(4, 6)]
        if generic:  # framed news ends on what the council does next
            paras[-1] = para(w.pool(G["close_news"])[0])
        return paras, None, w.text(w.pool(topic["stand"])[0])
    n = rng.randint(7, 12)
    if kind == "opinion":
        n = max(n, 10)
        args = w.pool(topic["arg"])
        opener = rng.choice([*w.pool(G["open_op"])[:2], args[0]])
        points = [w.text(e) for e in args if e is not opener]
        elabs, leads = w.pool(G["elab"]), w.pool(G["factlead"])
        facts = facts[: rng.randint(1, 3)]
        queues = {
            "A": [_joined(w, a, w.text(x)) for a, x in zip(points, elabs, strict=False)],
            "F": [_joined(w, w.text(x), f[1]) for x, f in zip(leads, facts, strict=False)],
            "M": [para(e) for e in w.pool(G["mid_op"])],
            "Q": [],
        }
        if rng.random() < 0.5:
            who = rng.choice(["expert", "official"])
            text = w.quote(cast[who], topic[f"q-{who}"][0], style="opinion")[0]
            queues["Q"].append(("paragraph", text))
        pull = ("pull_quote", points[0])
        pattern = "AFMAQMFAMFMA"
        closer = w.pool(G["close_op"])[0]
        generic_stand = "stand_op"
    else:
        analysis = kind == "analysis" and not multi
        opener = w.pool(G["open_an" if analysis else "open_rep"])[0]
        tail = ["expert", "resident"]
        rng.shuffle(tail)
        quotes, pull = [], None
        for who in ["official", *tail]:
            text, q = w.quote(cast[who], topic[f"q-{who}"][0])
            quotes.append(("paragraph", text))
            pull = pull or ("pull_quote", q)
        for who in rng.sample(["official", "expert", "resident"], 2):
            quotes.append(("paragraph", w.quote(cast[who], G[f"fu-{who}"][0])[0]))
        mids = [para(e) for e in w.pool(G["mid_rep"])]
        if analysis:
            mids = [para(e) for e in w.pool(G["mid_an"])][:2] + mids
        queues = {"F": facts, "Q": quotes, "M": mids}
        pattern = rng.choice(["FQFMQFQMFMQF", "QFMFQFMQFQMF", "FQMFQFQFMMQF"])
        closer = w.pool(G["close_rep"])[0]
        generic_stand = "stand_an" if analysis else "stand_rep"
    paras = [para(opener), *_interleave(rng, queues, pattern, n - 2), para(closer)]
    if second and all(second.values()):
        stand = second
    else:
        stand = w.text(w.pool(G[generic_stand])[0])
    return paras, pull, stand


def _compose(rng, topic, kind, langs, state):
    """Build one article as {lang: article dict}."""
    w, entry, head, cache, place = _pick_headline(rng, topic, kind, langs, state)
    second = w.text(entry, 1, cache)
    roles = ("official", "expert", "resident")
    people = _cast(rng, state, topic, place)
    cast = {who: w.person(who, person) for who, person in zip(roles, people, strict=True)}
    generic = entry["id"].startswith("generic.")
    paras, pull, stand = _body(rng, w, topic, kind, cast, second, generic)
    blocks = _furnish(rng, w, topic, kind, paras, pull)
    w.mark_used(blocks)
    image = w.pool(topic["image"])[0]
    subject, caption_en = _split(image["en"])
    if kind == "caricature":
        subject = f"editorial cartoon: {head['en'][:1].lower()}{head['en'][1:]}"
        caption = {"en": _fill("Editorial cartoon on {issue}.", "en", w.ctx, {}, rng)}
    else:
        caption = {"en": _fill(caption_en, "en", w.ctx, {}, rng)}
        if "ar" in langs:
            caption["ar"] = _fill(image["ar"], "ar", w.ctx, {}, rng)
    tags = topic["tags"][0]["en"].split(" | ")
    tags = [tags[0], *rng.sample(tags[1:], rng.randint(1, len(tags) - 1))]
    out = {}
    for lang in langs:
        out[lang] = {
            "headline": head[lang],
            "seo_title": _seo_title(head[lang], lang, w.ctx["place"][lang]),
            "standfirst": stand[lang],
            "description": _description(stand[lang], lang),
            "kind": kind,
            "section": "report" if kind == "analysis" else kind,
            "tags": tags if lang == "en" else [TAGS[t] for t in tags],
            "blocks": [(btype, value[lang]) for btype, value in blocks],
            "image_subject": subject,
            "caption": caption[lang],
        }
    return out


def _new_state():
    return {
        "uses": {},
        "uses_in_body": {},
        "marks": set(),
        "heads": set(),
        "names": set(),
        "cast": {},
    }


def english_articles(rng: random.Random, count: int) -> list[dict]:
    """count English articles: ~35% news, 30% opinion, 20% report/analysis, 15% caricature."""
    news, opinion, cartoons = round(count * 0.35), round(count * 0.30), round(count * 0.15)
    longform = max(count - news - opinion - cartoons, 0)
    analysis = longform // 3
    kinds = (
        ["news"] * news
        + ["opinion"] * opinion
        + ["caricature"] * cartoons
        + ["analysis"] * analysis
        + ["report"] * (longform - analysis)
    )[:count]
    rng.shuffle(kinds)
    topics = []
    while len(topics) < count:
        batch = list(_TOPICS)
        rng.shuffle(batch)
        topics.extend(batch)
    state = _new_state()
    return [_compose(rng, t, k, ("en",), state)["en"] for t, k in zip(topics, kinds, strict=False)]


def arabic_pairs(rng: random.Random, count: int) -> list[tuple[dict, dict]]:
    """count (Arabic article, English translation) pairs of news, opinion and reports."""
    combos = [(t, k) for t in _TOPICS_AR for k in ("news", "opinion", "report")]
    rng.shuffle(combos)
    plan = (combos * (count // len(combos) + 1))[:count]
    state = _new_state()
    pairs = []
    for topic, kind in plan:
        article = _compose(rng, topic, kind, ("en", "ar"), state)
        pairs.append((article["ar"], article["en"]))
    return pairs


def author_profiles() -> list[dict]:
    """Fourteen invented contributors: columnists, reporters, two cartoonists, a translator."""
    return [{**a, "sections": list(a["sections"])} for a in _AUTHORS]
