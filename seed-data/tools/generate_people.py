#!/usr/bin/env python3
"""Generates seed-data/people.json: fictitious people with valid GB 11643 ID numbers.

Deterministic (fixed random seeds): re-running produces the same file. The base fields (name, ID number,
mobile, village, education, industry) come from the first generator and are kept stable, so the demo
farmers 13800000001..13800000020 (the first ten in 安吉县) never change. Everything added later
(skills, certificates, income band, categories, ventures) is drawn from a second generator.
Python 3 standard library only. Run generate_entities.py afterwards: it reads this file."""
import json, random, os, datetime
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
rnd = random.Random(20261128)
regions = json.load(open(os.path.join(ROOT, 'regions.json'), encoding='utf-8'))
by_code = {r['code']: r for r in regions}
villages = [r for r in regions if r['level'] == 'Village']
anji = [v for v in villages if v['code'].startswith('330523')]
SURNAMES = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIVEN_M = ['建国','志强','海峰','伟','军','国平','春生','明','永福','立新','学文','金根','德明','林','浩','宇航','俊杰','少华','振宇','文斌','卫东','鑫','云飞','家豪']
GIVEN_F = ['秀英','丽华','晓燕','美玲','玉兰','桂芳','佳怡','雪梅','红霞','静','婷婷','海燕','素珍','慧敏','巧云','梦琪','雅琴','月娥','丹','欣怡']
EDU = ['Primary','JuniorHigh','SeniorHigh','Vocational','College','Bachelor']
IND = ['白茶','毛竹','水产养殖','湖羊养殖','蔬菜种植','水果种植','粮油','茶叶','乡村旅游','农村电商','农机服务','花卉苗木','中药材','民宿']
W = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
def check(s17): return '10X98765432'[sum(int(c)*w for c,w in zip(s17,W)) % 11]
def idnum(prefix, birth, seq, male):
    if (seq % 2 == 1) != male: seq = seq + 1 if seq < 999 else seq - 1
    s17 = f'{prefix}{birth:%Y%m%d}{seq:03d}'
    return s17 + check(s17)

# ---- base records (do not change the order of random draws: it would change the demo farmers) ----
people, used = [], set()
def make(i, village, mobile=None):
    male = rnd.random() < 0.55
    name = rnd.choice(SURNAMES) + rnd.choice(GIVEN_M if male else GIVEN_F)
    birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rnd.randint(0, 365*44))
    while True:
        n = idnum(village['code'][:6], birth, rnd.randint(1, 998), male)
        if n not in used: used.add(n); break
    mobile = mobile or f"1{rnd.choice('3578')}{rnd.randint(0,9)}{rnd.randint(10000000, 99999999)}"
    return {'name': name, 'idNumber': n, 'mobile': mobile, 'region': village['code'],
            'education': rnd.choice(EDU), 'industry': rnd.choice(IND)}
for n in range(1, 21):
    village = anji[(n - 1) % len(anji)] if n <= 10 else rnd.choice(villages)
    people.append(make(n, village, f'138{n:08d}'))
counties = sorted({v['code'][:6] for v in villages})
for i in range(300):
    county = counties[i % len(counties)]
    people.append(make(i, rnd.choice([v for v in villages if v['code'].startswith(county)])))

# ---- profile: skills, certificates, income band, categories, ventures ----
more = random.Random(20261129)
SKILLS = {
    '白茶': ['白茶种植', '茶园管理', '手工炒茶', '评茶', '茶园绿色防控'],
    '毛竹': ['毛竹培育', '竹笋采收', '竹制品加工', '林下经济', '竹林碳汇经营'],
    '水产养殖': ['鱼塘管理', '水质调控', '水产病害防治', '稻渔综合种养', '青虾养殖'],
    '湖羊养殖': ['湖羊饲养', '疫病防控', '饲料配制', '粪污资源化利用', '羊羔繁育'],
    '蔬菜种植': ['设施栽培', '绿色防控', '水肥一体化', '蔬菜育苗', '农残快检'],
    '水果种植': ['果树修剪', '嫁接', '设施葡萄栽培', '采后处理', '杨梅栽培'],
    '粮油': ['水稻种植', '机插秧', '统防统治', '粮食烘干', '油菜种植'],
    '茶叶': ['茶园管理', '手工制茶', '茶叶营销', '紫笋茶加工', '茶树修剪'],
    '乡村旅游': ['农家乐经营', '导游讲解', '研学活动策划', '乡村餐饮', '露营地运营'],
    '农村电商': ['直播带货', '网店运营', '短视频制作', '农产品包装设计', '冷链物流对接'],
    '农机服务': ['农机驾驶', '农机维修', '植保无人机操作', '机械化育秧', '烘干机操作'],
    '花卉苗木': ['苗木繁育', '园林绿化', '盆景制作', '花卉栽培'],
    '中药材': ['中药材种植', '林下种植', '中药材初加工', '黄精栽培'],
    '民宿': ['民宿经营', '客房服务', '乡村餐饮', '网络营销', '民宿设计'],
}
CERTS = {
    '白茶': ['评茶员（四级）', '茶艺师（五级）'], '茶叶': ['评茶员（四级）', '茶叶加工工（四级）'],
    '毛竹': ['林业有害生物防治员', '森林消防员'], '水产养殖': ['水生动物病害防治员', '水产养殖工（四级）'],
    '湖羊养殖': ['家畜繁殖员（四级）', '动物疫病防治员'], '蔬菜种植': ['农作物植保员', '蔬菜园艺工（四级）'],
    '水果种植': ['果树园艺工（四级）', '农作物植保员'], '粮油': ['农作物植保员', '粮油保管员'],
    '乡村旅游': ['中式烹调师（五级）', '导游证'], '民宿': ['中式烹调师（五级）', '健康证', '民宿管家（五级）'],
    '农村电商': ['电子商务师（四级）', '互联网营销师（五级）'],
    '农机服务': ['拖拉机驾驶证', '联合收割机驾驶证', '民用无人驾驶航空器操控员执照'],
    '花卉苗木': ['花卉园艺工（四级）', '绿化工（四级）'], '中药材': ['中药材种植员（四级）'],
}
GENERAL_CERTS = ['农民技术员证书', '新型职业农民证书', '农业技术推广员']
VENTURE_SUFFIX = {
    '白茶': ['茶园', '白茶坊'], '毛竹': ['竹制品加工坊', '竹笋基地'], '水产养殖': ['生态养殖场', '渔业基地'],
    '湖羊养殖': ['湖羊养殖场', '牧场'], '蔬菜种植': ['蔬菜基地', '农园'], '水果种植': ['果园', '采摘园'],
    '粮油': ['粮食种植基地', '稻米工坊'], '茶叶': ['茶厂', '茶园'], '乡村旅游': ['农家乐', '露营地', '研学基地'],
    '农村电商': ['电商工作室', '直播基地'], '农机服务': ['农机服务队', '植保服务队'], '花卉苗木': ['苗圃', '花木基地'],
    '中药材': ['中药材基地', '药材种植园'], '民宿': ['民宿', '山居', '乡宿'],
}
BRANDS = ['竹韵', '青山', '绿源', '溪畔', '云上', '禾丰', '山野', '田园', '乡味', '湖畔', '茗香', '稻香', '归园', '拾光', '半山', '清泉']
ORIGINS = ['MigrantWorker', 'CollegeGraduate', 'Veteran', 'UrbanTalent', 'Other']
LOCAL_TYPES = ['ProductionExpert', 'BusinessExpert', 'Craftsman', 'CulturalTalent', 'TechnicalExpert']
CATEGORY_WEIGHTS = [('LocalTalent', 34), ('ReturningEntrepreneur', 21), ('HighQualityFarmer', 27),
                    ('ProfessionalManager', 8), ('PracticalTalentLeader', 10)]
NOTES = ['村级后备干部', '县级劳动模范', '担任村民小组长', '参加省级农创客大赛获优秀奖', '带动周边农户增收，乡镇推荐',
         '村集体经济项目负责人', '曾获县级“十佳农民”称号', '乡村振兴讲师团成员']
HIGHER = {'College', 'Bachelor', 'Postgraduate'}

def pick_category():
    total = sum(w for _, w in CATEGORY_WEIGHTS)
    r = more.uniform(0, total)
    for name, weight in CATEGORY_WEIGHTS:
        r -= weight
        if r <= 0: return name
    return CATEGORY_WEIGHTS[-1][0]

def stem(village_name):
    for suffix in ('社区', '村'):
        if village_name.endswith(suffix) and len(village_name) > len(suffix) + 1: return village_name[:-len(suffix)]
    return village_name

def venture(p, birth):
    education = p['education']
    origins = ORIGINS if education in HIGHER else [o for o in ORIGINS if o != 'CollegeGraduate']
    origin = more.choices(origins, weights=[5, 3, 2, 2, 1][:len(origins)] if education in HIGHER else [6, 2, 2, 1])[0]
    earliest = max(datetime.date(2012, 1, 1), birth.replace(year=birth.year + 20) if not (birth.month == 2 and birth.day == 29) else datetime.date(birth.year + 20, 3, 1))
    latest = datetime.date(2026, 9, 30)
    if earliest > latest: earliest = datetime.date(2024, 1, 1)
    returned = earliest + datetime.timedelta(days=more.randint(0, (latest - earliest).days))
    industry = p['industry']
    name = stem(by_code[p['region']]['name']) + more.choice(BRANDS) + more.choice(VENTURE_SUFFIX[industry])
    investment = round(more.choice([more.uniform(5, 50), more.uniform(30, 200), more.uniform(100, 800)]), 1)
    return {'origin': origin, 'returnedOn': returned.isoformat(), 'name': name, 'industry': industry,
            'investment': investment, 'jobsCreated': more.randint(1, 12) if investment < 100 else more.randint(5, 60)}

for p in people:
    birth = datetime.date(int(p['idNumber'][6:10]), int(p['idNumber'][10:12]), int(p['idNumber'][12:14]))
    industry = p['industry']
    p['skills'] = more.sample(SKILLS[industry], more.randint(1, 3))
    certs = more.sample(CERTS[industry], more.randint(0, min(2, len(CERTS[industry]))))
    if more.random() < 0.2: certs.append(more.choice(GENERAL_CERTS))
    categories = [pick_category()]
    if more.random() < 0.3:
        second = pick_category()
        if second not in categories: categories.append(second)
    if 'HighQualityFarmer' in categories: certs.append('高素质农民培育结业证书')
    if 'ProfessionalManager' in categories: certs.append('农业职业经理人证书（中级）')
    p['certificates'] = certs
    if more.random() < 0.7:
        p['incomeBand'] = more.choices(['Below50k', 'From50kTo100k', 'From100kTo200k', 'Above200k'], weights=[2, 4, 3, 1])[0]
    p['categories'] = categories
    if 'LocalTalent' in categories: p['localTalentType'] = more.choice(LOCAL_TYPES)
    if 'ReturningEntrepreneur' in categories: p['venture'] = venture(p, birth)
    if more.random() < 0.08: p['notes'] = more.choice(NOTES)

# Every category and local-talent subtype in every county; at least 40 returning entrepreneurs.
for county in counties:
    mine = [p for p in people if p['region'].startswith(county)]
    for category, _ in CATEGORY_WEIGHTS:
        assert any(category in p['categories'] for p in mine), (county, category)
kinds = Counter(p.get('localTalentType') for p in people if 'localTalentType' in p)
assert all(kinds[k] > 0 for k in LOCAL_TYPES), kinds
entrepreneurs = sum('venture' in p for p in people)
assert entrepreneurs >= 40, entrepreneurs
assert len(people) >= 320 and len({p['idNumber'] for p in people}) == len(people)

with open(os.path.join(ROOT, 'people.json'), 'w', encoding='utf-8') as f:
    f.write('[\n' + ',\n'.join('  ' + json.dumps(p, ensure_ascii=False) for p in people) + '\n]\n')
print(len(people), 'people,', entrepreneurs, 'returning entrepreneurs,',
      dict(Counter(c for p in people for c in p['categories'])))
