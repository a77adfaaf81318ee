"""Writes a gigs CSV like examples/gigs.csv (Arabic and English), for the import benchmarks
(bench/import.sh, bench/engines.sh). The same ROWS always give the same file (seeded).

    python3 bench/gigs_csv.py FILE ROWS
"""
import random
import sys

path, rows = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
ar_services = ["ترجمة", "تصميم شعار", "كتابة مقال", "تعليق صوتي", "برمجة موقع", "تدقيق لغوي",
               "إدارة حسابات", "تحرير فيديو", "تصميم عرض تقديمي", "تفريغ صوتي", "سيرة ذاتية"]
ar_words = ["احترافي", "سريع", "بالإنجليزية", "للمواقع", "والتطبيقات", "الفصحى", "مميزة",
            "إبداعي", "للشركات", "الناشئة", "بجودة", "عالية", "خلال", "يومين", "متجر",
            "الإلكتروني", "الأطفال", "التسويق", "محتوى", "قصص", "أسئلة", "مستشفى", "مكتبة"]
en_services = ["logo design", "translation", "article writing", "voice over", "website",
               "proofreading", "social media", "video editing", "slide deck", "transcription"]
en_words = ["professional", "fast", "modern", "minimal", "creative", "startup", "quality",
            "unlimited", "revisions", "seo", "wordpress", "shopify", "arabic", "english"]
categories = ["translation", "design", "writing", "audio", "programming", "video", "marketing"]
COMMON, RARE = "مضمونه", "زعفران"   # COMMON in 10% of the gigs, RARE in 1 of 100,000


def row(i):
    arabic = i % 3 != 2
    service = rnd.choice(ar_services if arabic else en_services)
    words = rnd.sample(ar_words if arabic else en_words, 3)
    title = f"{service} {' '.join(words)}"
    if i % 10 == 0:
        title += f" {COMMON}"
    if i % 100_000 == 7:
        title += f" {RARE}"
    desc_words = rnd.sample(ar_words if arabic else en_words, 8)
    description = " ".join(desc_words) + ("، مع مراجعة كاملة.\nتسليم بصيغة Word." if arabic else ", with full review.\nDelivered as Word.")
    tags = "; ".join(rnd.sample(ar_words if arabic else en_words, 2))
    extras = "تسليم سريع=5+0d; مراجعة إضافية=10+1d" if i % 2 == 0 else ""
    price = f"{rnd.randint(5, 500)}.{rnd.choice(['00', '50'])}"
    cells = [f"g{i}", title, description, rnd.choice(categories), price, str(rnd.randint(1, 14)), tags, extras]
    return ",".join('"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\n') else c for c in cells)


with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("sku,title,description,category,price,delivery_days,tags,extras\n")
    for i in range(rows):
        f.write(row(i) + "\n")
