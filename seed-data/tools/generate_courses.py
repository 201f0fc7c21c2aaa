#!/usr/bin/env python3
"""Generates seed-data/programs.json and seed-data/courses.json (deterministic, fixed seed).
Course times are relative to the day the database is seeded ("dayOffset"), so the demo always has
courses open now, full with a waitlist, in progress, and completed in the past year; programme years are relative
to it too ("yearOffset")."""
import json, os, random
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
rnd = random.Random(20270301)
regions = json.load(open(os.path.join(ROOT, 'regions.json'), encoding='utf-8'))
people = json.load(open(os.path.join(ROOT, 'people.json'), encoding='utf-8'))
counties = [r for r in regions if r['level'] == 'County']
townships = {c['code']: [r for r in regions if r['level'] == 'Township' and r['parent'] == c['code']] for c in counties}
# The twenty demo farmers are kept free of seeded enrollments (so they can enroll in the demo), except
# farmer 13800000002, who already holds a place in an open 安吉县 course, and the Anji outcome farmers below.
demo = {p['idNumber'] for p in people[:20]}
people_by_county = {c['code']: [p['idNumber'] for p in people if p['region'][:6] == c['code'][:6] and p['idNumber'] not in demo] for c in counties}
farmer2 = people[1]['idNumber']
certified = [p['idNumber'] for p in people[5:8]]   # 13800000006-08: certificates from both completed Anji courses
checking_in = [p['idNumber'] for p in people[8:10]]  # 13800000009-10: a certificate, and the Anji course running now
CONTACTS = {'330502': ('沈海峰', '0572-2221001'), '330503': ('费丽娟', '0572-3031002'), '330521': ('姚建平', '0572-8021003'),
            '330522': ('钱国强', '0572-6021004'), '330523': ('陈晓燕', '0572-5121005')}

# Programmes are templates: the seeder makes "{year}年高素质农民培育" for each year a programme course runs in
# (Asia/Shanghai), from the row whose yearOffset is that year minus the seeding year. Budgets (万元) and county
# targets are sized to the demo's hundred-odd trainees a year, so the spend per trainee on /Reports reads near the
# subsidy standard and the targets show real progress.
programs = [{
    'name': '{year}年高素质农民培育', 'yearOffset': offset, 'budget': budget, 'repeatRule': True,
    'standards': {'BusinessManagement': manager, 'ProfessionalProduction': 1000, 'SkillService': 800},
    'targets': {c['code']: t + 2 * offset for c, t in zip(counties, [28, 22, 24, 30, 32])},
} for offset, budget, manager in ((-1, 25.0, 4500), (0, 30.0, 4500), (1, 36.0, 5000))]

TOPICS = [('Planting', '白茶标准化种植', 'ProfessionalSkill'), ('Livestock', '湖羊科学养殖', 'ProfessionalSkill'),
          ('Machinery', '植保无人机操作', 'SocialService'), ('Ecommerce', '农产品直播带货', 'ProductionBusiness'),
          ('RuralTourism', '民宿经营与服务', 'ProductionBusiness'), ('Management', '家庭农场经营管理', 'ProductionBusiness'),
          ('Entrepreneurship', '返乡创业能力提升', 'ProductionBusiness'), ('Planting', '毛竹林高效经营', 'ProfessionalSkill')]
LEVEL = {'ProfessionalSkill': 'Elementary', 'SocialService': 'Intermediate', 'ProductionBusiness': 'Intermediate'}
TRAINEE = {'ProfessionalSkill': 'ProfessionalProduction', 'SocialService': 'SkillService', 'ProductionBusiness': 'BusinessManagement'}
# (status, window open/close offsets in days, first session offset, capacity, enrolled). All seeded courses run
# within 240 days, so whatever the seeding day two of them may fall in one year: a person holds at most one place on
# the programme courses of a county (不得重复培训), and the counts add up to the 60 people of each county's pool.
PLAN = [('EnrollmentOpen', -5, 10, 20, 30, 6), ('EnrollmentOpen', -3, 7, 14, 8, 10),   # open with seats; full with waitlist
        ('Published', 3, 15, 25, 30, 0), ('EnrollmentClosed', -20, -2, 5, 25, 8),
        ('InProgress', -30, -10, -1, 30, 8), ('Completed', -200, -170, -160, 30, 15),
        ('Completed', -120, -95, -85, 25, 11), ('Draft', 10, 30, 40, 30, 0),
        ('Cancelled', -15, 5, 12, 20, 2)]
courses = []
n = 0
for ci, county in enumerate(counties):
    pool = people_by_county[county['code']]
    used = 0
    anji = county['code'][:6] == '330523'
    for pi, (status, opens, closes, first, capacity, enrolled) in enumerate(PLAN):
        topic, title, category = TOPICS[(ci + pi) % len(TOPICS)]
        township = rnd.choice(townships[county['code']])
        # A course in progress runs from yesterday to the day after tomorrow, whenever the demo is seeded.
        days = 4 if status == 'InProgress' else 2 if category == 'ProfessionalSkill' else 3
        sessions = [{'dayOffset': first + d, 'start': '09:00', 'end': '16:30', 'topic': f'{title}（第{d + 1}讲）',
                     'trainer': rnd.choice(['王志明', '李晓华', '陈建平', '周丽娟']), 'place': f"{township['name']}农民学校"} for d in range(days)]
        # Anji's later completed course is county-funded, outside any programme: the repeat rule does not count it,
        # so its trainees may be anyone (here the first of the county's pool, who also hold a programme place).
        in_program = not (anji and status == 'Completed' and first > -100)
        if in_program:
            chosen = pool[used:used + enrolled]
            used += enrolled
        else:
            chosen = pool[:enrolled + 9]
        if anji and pi == 0: chosen = chosen + [farmer2]
        if anji and status == 'Completed': chosen = chosen + (certified if in_program else certified + checking_in)
        running_now = anji and status == 'InProgress'
        if running_now:
            chosen = chosen + checking_in
            # Its session today is moved to run from 10 minutes before seeding for three hours (check-in can be tried at once).
            for s in sessions:
                if s['dayOffset'] == 0: s['runningNow'] = True
        n += 1
        contact_name, contact_phone = CONTACTS[county['code'][:6]]
        courses.append({
            'title': f"{county['name']}{title}培训班（{n}期）", 'inProgram': in_program,
            'category': category, 'topic': topic, 'level': LEVEL[category], 'traineeType': TRAINEE[category],
            'organiser': f"{county['name']}农业农村局", 'contactName': contact_name, 'contactPhone': contact_phone,
            'trainer': 'trainer.wang' if ci in (0, 4) else None,
            'region': township['code'], 'venue': f"{township['name']}农民学校", 'capacity': capacity,
            # The session running now is 3 h 10 min long, so that course declares what its sessions cover.
            'totalHours': 24 if running_now else days * 7, 'windowOpensDay': opens, 'windowClosesDay': closes, 'status': status,
            'minAge': 18 if topic == 'Entrepreneurship' else 16, 'maxAge': 55 if topic == 'Entrepreneurship' else None,
            'sessions': sessions,
            'enrolled': chosen,
        })
    assert used <= len(pool), f"{county['name']}: {used} programme places for {len(pool)} people"
# The repeat rule in the seed: nobody holds two places on programme courses (the seeder checks it again).
seen = set()
for c in courses:
    assert len(set(c['enrolled'])) == len(c['enrolled']), c['title']
    if c['inProgram']:
        assert not seen & set(c['enrolled']), c['title']
        seen |= set(c['enrolled'])
for name, data in (('programs.json', programs), ('courses.json', courses)):
    with open(os.path.join(ROOT, name), 'w', encoding='utf-8') as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=1) + '\n')
print(len(programs), 'programs,', len(courses), 'courses,', sum(len(c['enrolled']) for c in courses), 'enrollments')
