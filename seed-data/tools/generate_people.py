#!/usr/bin/env python3
"""Generates seed-data/people.json: fictitious people with valid GB 11643 ID numbers.
Deterministic (fixed random seed): re-running produces the same file."""
import json, random, os, datetime
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
rnd = random.Random(20261128)
regions = json.load(open(os.path.join(ROOT, 'regions.json'), encoding='utf-8'))
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
with open(os.path.join(ROOT, 'people.json'), 'w', encoding='utf-8') as f:
    f.write('[\n' + ',\n'.join('  ' + json.dumps(p, ensure_ascii=False) for p in people) + '\n]\n')
print(len(people), 'people')
