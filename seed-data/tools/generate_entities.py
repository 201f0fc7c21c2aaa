#!/usr/bin/env python3
"""Generates seed-data/entities.json: fictitious new agricultural business entities (新型农业经营主体).

Reads regions.json and people.json (run generate_people.py first). Deterministic (fixed random seed).
Python 3 standard library only.

- Unified social credit codes carry a valid GB 32100 check character: 93 cooperatives, 92 (or 91) family
  farms, 91 leading enterprises, 52 or 91 service organisations; then the county's 6-digit code.
- The legal representative is a seeded person of the same county, referred to by ID number.
- The status history replays the lifecycle (Domain/Entities/EntityLifecycle.cs) with the demo staff:
  a maker submits, a different officer checks (maker-checker).
"""
import json, random, os, datetime
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
rnd = random.Random(20261130)
regions = json.load(open(os.path.join(ROOT, 'regions.json'), encoding='utf-8'))
people = json.load(open(os.path.join(ROOT, 'people.json'), encoding='utf-8'))
by_code = {r['code']: r for r in regions}
counties = [r for r in regions if r['level'] == 'County']
villages = [r for r in regions if r['level'] == 'Village']

ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def credit_code(first17):
    assert len(first17) == 17 and all(c in ALPHABET for c in first17), first17
    check = 31 - sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS)) % 31
    return first17 + ALPHABET[0 if check == 31 else check]
used_codes = set()
def new_code(prefix, county):
    while True:
        code = credit_code(prefix + county[:6] + 'MA' + ''.join(rnd.choice(ALPHABET[1:]) for _ in range(7)))
        if code not in used_codes: used_codes.add(code); return code

# Who moves entities of each county through the lifecycle: (maker, checker). There is no county clerk
# outside 安吉县 among the demo accounts, so elsewhere the city or the system admin keys records in.
STAFF = {'330523': ('anji.clerk', 'anji.officer'), '330502': ('city.officer', 'wuxing.officer')}
DEFAULT_STAFF = ('admin', 'city.officer')

# What each county is known for (weights the industry of its entities).
COUNTY_INDUSTRIES = {
    '330502': ['湖羊养殖', '水产养殖', '蔬菜种植', '粮油', '水果种植', '乡村旅游'],
    '330503': ['水产养殖', '湖羊养殖', '粮油', '蚕桑', '蔬菜种植', '农村电商'],
    '330521': ['水产养殖', '水产养殖', '民宿', '粮油', '毛竹', '水果种植', '乡村旅游'],
    '330522': ['茶叶', '茶叶', '水果种植', '粮油', '湖羊养殖', '花卉苗木', '蔬菜种植'],
    '330523': ['白茶', '白茶', '白茶', '毛竹', '毛竹', '民宿', '乡村旅游', '蔬菜种植', '中药材'],
}
PRODUCT = {  # industry -> product word used in a name
    '湖羊养殖': '湖羊', '水产养殖': '水产', '蔬菜种植': '蔬菜', '粮油': '粮油', '水果种植': '果蔬', '乡村旅游': '休闲农业',
    '蚕桑': '蚕桑', '农村电商': '农产品', '民宿': '休闲农业', '毛竹': '毛竹', '茶叶': '茶叶', '花卉苗木': '花木',
    '白茶': '白茶', '中药材': '中药材',
}
FARM_PRODUCT = {'湖羊养殖': '湖羊', '水产养殖': '渔业', '蔬菜种植': '蔬菜', '粮油': '粮食', '水果种植': '果园',
                '乡村旅游': '生态', '蚕桑': '蚕桑', '农村电商': '生态', '民宿': '生态', '毛竹': '竹林', '茶叶': '茶园',
                '花卉苗木': '花木', '白茶': '茶园', '中药材': '药材'}
LIVESTOCK = {'湖羊养殖': lambda: f'湖羊存栏 {rnd.randrange(120, 2000, 10)} 只',
             '水产养殖': lambda: f'养殖水面 {rnd.randrange(30, 600, 5)} 亩，年产 {rnd.randrange(20, 400, 5)} 吨',
             '蚕桑': lambda: f'年养蚕 {rnd.randrange(40, 400, 10)} 张'}
BRANDS = ['绿源', '丰收', '金穗', '青山', '竹韵', '兴农', '湖畔', '翠峰', '鑫达', '田园', '福民', '众联', '康庄', '禾盛',
          '清溪', '龙山', '碧波', '瑞丰', '农之源', '山川', '嘉禾', '春晖', '天目', '太湖', '安澜', '苕溪']
ENTERPRISE_KIND = {'白茶': '茶业', '茶叶': '茶业', '毛竹': '竹业', '水产养殖': '水产', '湖羊养殖': '牧业', '粮油': '米业',
                   '民宿': '文旅', '乡村旅游': '文旅', '中药材': '生物科技', '花卉苗木': '园艺', '蔬菜种植': '农业科技',
                   '水果种植': '农业开发', '蚕桑': '丝绸', '农村电商': '电子商务'}
SERVICE_KIND = ['农机专业服务', '植保统防统治服务', '农业社会化服务', '粮食烘干服务', '农资配送服务']
REASONS = {
    'Returned': ['营业执照复印件不清晰，请重新上传', '成员名册缺少出资额和出资方式', '土地流转合同未附，请补充',
                 '年度财务报表未盖章', '经营场所地址与执照登记地址不一致，请核实'],
    'Suspended': ['未按期报送年度报告', '被市场监管部门列入经营异常名录', '经营异常，暂停在册资格待核查', '连续一年无实际经营活动'],
    'Deregistered': ['已在市场监管部门办理注销登记', '成员大会决议解散', '连续两年未开展经营活动，予以注销', '与已登记主体重复，予以注销'],
    'Reinstated': ['年报已补报，恢复在册', '已移出经营异常名录，恢复在册'],
}
LEVELS = ['National', 'Provincial', 'City', 'County']

# 14 per county: 5 cooperatives, 5 family farms, 2 leading enterprises, 2 service organisations.
TYPES = ['Cooperative'] * 5 + ['FamilyFarm'] * 5 + ['LeadingEnterprise'] * 2 + ['ServiceOrganization'] * 2
STATUSES = (['Approved'] * 36 + ['Submitted'] * 8 + ['Draft'] * 6 + ['Returned'] * 7 + ['Suspended'] * 7 + ['Deregistered'] * 6)
rnd.shuffle(STATUSES)

used_names, used_reps = set(), set()
SH = datetime.timezone(datetime.timedelta(hours=8))
def at(day, hour=None):
    return datetime.datetime.combine(day, datetime.time(hour if hour is not None else rnd.randint(9, 17), rnd.randint(0, 59)), SH)

def pick_rep(county, kind):
    mine = [p for p in people if p['region'].startswith(county) and p['idNumber'] not in used_reps]
    prefer = {
        'Cooperative': {'PracticalTalentLeader', 'LocalTalent', 'ProfessionalManager'},
        'FamilyFarm': {'HighQualityFarmer', 'LocalTalent', 'ReturningEntrepreneur'},
        'LeadingEnterprise': {'ReturningEntrepreneur', 'ProfessionalManager'},
        'ServiceOrganization': {'ProfessionalManager', 'HighQualityFarmer', 'PracticalTalentLeader'},
    }[kind]
    good = [p for p in mine if prefer & set(p['categories'])]
    rep = rnd.choice(good or mine)
    used_reps.add(rep['idNumber'])
    return rep

def township_of(village): return by_code[village['parent']]

def name_for(kind, prefix, county, village, industry, rep):
    c, t = by_code[county + '000000']['name'], township_of(village)['name']
    city_short = c[:-1] if len(c) > 2 else c
    for _ in range(100):
        brand = rnd.choice(BRANDS)
        if kind == 'Cooperative':
            name = f'{c}{t}{rnd.choice([brand, ""])}{PRODUCT[industry]}专业合作社'
        elif kind == 'FamilyFarm':
            name = f'{c}{t}{rep["name"]}家庭农场' if rnd.random() < 0.5 else f'{c}{t}{brand}{FARM_PRODUCT[industry]}家庭农场'
        elif kind == 'LeadingEnterprise':
            name = rnd.choice([f'浙江{brand}{ENTERPRISE_KIND[industry]}有限公司', f'湖州{brand}{ENTERPRISE_KIND[industry]}股份有限公司',
                               f'{city_short}{brand}{ENTERPRISE_KIND[industry]}有限公司'])
        elif prefix == '52':  # 民办非企业单位
            name = f'{c}{t if rnd.random() < 0.5 else ""}{brand}{rnd.choice(SERVICE_KIND)}中心'
        else:
            name = f'{c}{t}{brand}{rnd.choice(SERVICE_KIND)}有限公司'
        if name not in used_names: used_names.add(name); return name
    raise RuntimeError('no unique name')

def figures(kind, industry, e):
    if kind == 'Cooperative':
        e['landArea'] = round(rnd.uniform(80, 3000), 1)
        e['members'] = rnd.randint(5, 320)
        e['employees'] = rnd.randint(2, 30)
        e['householdsDriven'] = rnd.randint(30, 900)
        e['annualRevenue'] = round(rnd.uniform(50, 3000), 1)
    elif kind == 'FamilyFarm':
        e['landArea'] = round(rnd.uniform(20, 450), 1)
        e['familyLabour'] = rnd.randint(2, 5)
        e['employees'] = rnd.randint(0, 8)
        e['householdsDriven'] = rnd.randint(0, 40)
        e['annualRevenue'] = round(rnd.uniform(15, 400), 1)
    elif kind == 'LeadingEnterprise':
        e['landArea'] = round(rnd.uniform(200, 6000), 1)
        e['employees'] = rnd.randint(40, 900)
        e['householdsDriven'] = rnd.randint(500, 9000)
        e['annualRevenue'] = round(rnd.uniform(3000, 90000), 1)
    else:
        e['employees'] = rnd.randint(5, 60)
        e['householdsDriven'] = rnd.randint(100, 3500)
        e['annualRevenue'] = round(rnd.uniform(40, 1500), 1)
    if industry in LIVESTOCK and kind != 'ServiceOrganization':
        e['livestockScale'] = LIVESTOCK[industry]()

def history(status, county):
    """The steps that lead from Draft to the wanted status, each by the right person, days apart."""
    maker, checker = STAFF.get(county, DEFAULT_STAFF)
    created = datetime.date(2026, 1, 5) + datetime.timedelta(days=rnd.randint(0, 175))
    paths = {
        'Draft': [[]],
        'Submitted': [['Submitted'], ['Submitted', 'Returned', 'Submitted']],
        'Approved': [['Submitted', 'Approved'], ['Submitted', 'Approved'], ['Submitted', 'Returned', 'Submitted', 'Approved'],
                     ['Submitted', 'Approved', 'Suspended', 'Approved']],
        'Returned': [['Submitted', 'Returned']],
        'Suspended': [['Submitted', 'Approved', 'Suspended']],
        'Deregistered': [['Submitted', 'Approved', 'Deregistered'], ['Submitted', 'Approved', 'Suspended', 'Deregistered'],
                         ['Deregistered']],
    }
    steps, day, previous = [], created, 'Draft'
    for to in rnd.choice(paths[status]):
        day += datetime.timedelta(days=rnd.randint(1, 12) if to in ('Submitted', 'Approved', 'Returned') else rnd.randint(20, 60))
        reason = None
        if to in ('Returned', 'Suspended', 'Deregistered'): reason = rnd.choice(REASONS[to])
        if to == 'Approved' and previous == 'Suspended': reason = rnd.choice(REASONS['Reinstated'])
        steps.append({'to': to, 'by': maker if to == 'Submitted' else checker, 'at': at(day).isoformat(), 'reason': reason})
        previous = to
    assert day <= datetime.date(2026, 11, 25), day
    return at(created, 9), steps

entities = []
status_iter = iter(STATUSES)
for county_region in sorted(counties, key=lambda r: r['code']):
    county = county_region['code'][:6]
    mine = [v for v in villages if v['code'].startswith(county)]
    for kind in TYPES:
        status = next(status_iter)
        rep = pick_rep(county, kind)
        industry = rnd.choice(COUNTY_INDUSTRIES[county])
        if kind != 'ServiceOrganization' and 'venture' in rep and rep['venture']['industry'] in PRODUCT:
            industry = rep['venture']['industry']  # the entrepreneur's own venture
        if kind == 'ServiceOrganization': industry = rnd.choice(['粮油', '农机服务', '蔬菜种植'])
        # Farms and cooperatives sit in their leader's village; companies anywhere in the county.
        village = by_code[rep['region']] if kind in ('Cooperative', 'FamilyFarm') else rnd.choice(mine)
        prefix = {'Cooperative': '93', 'FamilyFarm': rnd.choice(['92', '92', '92', '91']), 'LeadingEnterprise': '91',
                  'ServiceOrganization': rnd.choice(['52', '91'])}[kind]
        # Cooperatives since the 2007 law, family farms since the 2013 No. 1 Document.
        first = datetime.date(2013, 3, 1) if kind == 'FamilyFarm' else datetime.date(2008, 1, 1)
        registered = first + datetime.timedelta(days=rnd.randint(0, (datetime.date(2026, 6, 30) - first).days))
        created, steps = history(status, county)
        if registered > created.date(): registered = created.date() - datetime.timedelta(days=rnd.randint(30, 400))
        e = {
            'name': name_for(kind, prefix, county, village, industry if industry in PRODUCT else '粮油', rep),
            'creditCode': new_code(prefix, county),
            'type': kind,
            'status': status,
            'legalRepresentative': rep['idNumber'],
            'registeredOn': registered.isoformat(),
            'region': village['code'],
            'address': f'浙江省湖州市{county_region["name"]}{township_of(village)["name"]}{village["name"]}{rnd.randint(1, 188)}号',
            'industry': industry,
        }
        figures(kind, industry, e)
        ever_approved = any(s['to'] == 'Approved' for s in steps)
        if ever_approved and registered.year <= 2025 and rnd.random() < 0.45:
            level = rnd.choices(LEVELS, weights=[1, 3, 4, 5] if kind != 'FamilyFarm' else [0, 2, 4, 6])[0]
            e['rating'] = level
            e['ratingYear'] = rnd.randint(max(registered.year + 1, 2016), 2026)
        # A few people linked with roles: the representative leads; some members, employees, trainees.
        links = [{'idNumber': rep['idNumber'], 'role': 'Leader'}] if rnd.random() < 0.7 else []
        if rnd.random() < 0.5:
            others = [p for p in people if p['region'].startswith(county) and p['idNumber'] != rep['idNumber']]
            role = {'Cooperative': 'Member', 'FamilyFarm': 'Member', 'LeadingEnterprise': 'Employee'}.get(kind, 'Employee')
            for p in rnd.sample(others, rnd.randint(1, 3)):
                links.append({'idNumber': p['idNumber'], 'role': rnd.choice([role, role, 'Trainee'])})
        if links: e['people'] = links
        # The representative's own venture is this entity when they are a returning entrepreneur.
        if 'venture' in rep: e['ventureOfRepresentative'] = True
        e['createdAt'] = created.isoformat()
        e['history'] = steps
        entities.append(e)

assert len(entities) >= 60
assert set(e['type'] for e in entities) == set(TYPES)
assert set(e['status'] for e in entities) == {'Draft', 'Submitted', 'Approved', 'Returned', 'Suspended', 'Deregistered'}
with open(os.path.join(ROOT, 'entities.json'), 'w', encoding='utf-8') as f:
    f.write('[\n' + ',\n'.join('  ' + json.dumps(e, ensure_ascii=False) for e in entities) + '\n]\n')
print(len(entities), 'entities;', dict(Counter(e['type'] for e in entities)), dict(Counter(e['status'] for e in entities)),
      sum('rating' in e for e in entities), 'rated,', sum('ventureOfRepresentative' in e for e in entities), 'ventures linked')
