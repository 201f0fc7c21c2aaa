#!/usr/bin/env python3
"""Generates seed-data/programs.json and seed-data/courses.json (deterministic, fixed seed).
Course times are relative to the day the database is seeded ("dayOffset"), so the demo always has
courses open now, full with a waitlist, in progress, and completed in the past year."""
import json, os, random
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
rnd = random.Random(20270301)
regions = json.load(open(os.path.join(ROOT, 'regions.json'), encoding='utf-8'))
people = json.load(open(os.path.join(ROOT, 'people.json'), encoding='utf-8'))
counties = [r for r in regions if r['level'] == 'County']
townships = {c['code']: [r for r in regions if r['level'] == 'Township' and r['parent'] == c['code']] for c in counties}
# The twenty demo farmers are kept free of seeded enrollments (so they can enroll in the demo), except
# farmer 13800000002, who already holds a place in an open 安吉县 course.
demo = {p['idNumber'] for p in people[:20]}
people_by_county = {c['code']: [p['idNumber'] for p in people if p['region'][:6] == c['code'][:6] and p['idNumber'] not in demo] for c in counties}
farmer2 = people[1]['idNumber']
demo_outcomes = [p['idNumber'] for p in people[5:10]]

programs = [{
    'name': '2027年高素质农民培育', 'year': 2027, 'budget': 1200.0, 'repeatRule': True,
    'standards': {'BusinessManagement': 5000, 'ProfessionalProduction': 1000, 'SkillService': 800},
    'targets': {c['code']: t for c, t in zip(counties, [300, 240, 260, 320, 350])},
}, {
    'name': '2026年高素质农民培育', 'year': 2026, 'budget': 1000.0, 'repeatRule': True,
    'standards': {'BusinessManagement': 4500, 'ProfessionalProduction': 1000, 'SkillService': 800},
    'targets': {c['code']: t for c, t in zip(counties, [280, 220, 240, 300, 320])},
}]

TOPICS = [('Planting', '白茶标准化种植', 'ProfessionalSkill'), ('Livestock', '湖羊科学养殖', 'ProfessionalSkill'),
          ('Machinery', '植保无人机操作', 'SocialService'), ('Ecommerce', '农产品直播带货', 'ProductionBusiness'),
          ('RuralTourism', '民宿经营与服务', 'ProductionBusiness'), ('Management', '家庭农场经营管理', 'ProductionBusiness'),
          ('Entrepreneurship', '返乡创业能力提升', 'ProductionBusiness'), ('Planting', '毛竹林高效经营', 'ProfessionalSkill')]
LEVEL = {'ProfessionalSkill': 'Elementary', 'SocialService': 'Intermediate', 'ProductionBusiness': 'Intermediate'}
TRAINEE = {'ProfessionalSkill': 'ProfessionalProduction', 'SocialService': 'SkillService', 'ProductionBusiness': 'BusinessManagement'}
# (status, window open/close offsets in days, first session offset, capacity, enrolled)
PLAN = [('EnrollmentOpen', -5, 10, 20, 30, 10), ('EnrollmentOpen', -3, 7, 14, 10, 13),   # open with seats; full with waitlist
        ('Published', 3, 15, 25, 30, 0), ('EnrollmentClosed', -20, -2, 5, 25, 12),
        ('InProgress', -30, -10, -1, 30, 15), ('Completed', -200, -170, -160, 30, 24),
        ('Completed', -120, -95, -85, 25, 20), ('Draft', 10, 30, 40, 30, 0),
        ('Cancelled', -15, 5, 12, 20, 3)]
courses = []
cursors = {}
n = 0
for ci, county in enumerate(counties):
    for pi, (status, opens, closes, first, capacity, enrolled) in enumerate(PLAN):
        topic, title, category = TOPICS[(ci + pi) % len(TOPICS)]
        township = rnd.choice(townships[county['code']])
        # A course in progress runs from yesterday to the day after tomorrow, whenever the demo is seeded.
        days = 4 if status == 'InProgress' else 2 if category == 'ProfessionalSkill' else 3
        sessions = [{'dayOffset': first + d, 'start': '09:00', 'end': '16:30', 'topic': f'{title}（第{d + 1}讲）',
                     'trainer': rnd.choice(['王志明', '李晓华', '陈建平', '周丽娟']), 'place': f"{township['name']}农民学校"} for d in range(days)]
        program = 0 if first > -60 else 1
        pool = people_by_county[county['code']]
        cursor = cursors.setdefault((county['code'], program), [0])
        chosen = pool[cursor[0]:cursor[0] + enrolled]
        cursor[0] += enrolled
        if ci == 4 and pi == 0: chosen = chosen + [farmer2]
        # Demo farmers 13800000006-10 (Anji) hold certificates from both completed Anji courses (the later one is
        # outside any program, so the repeat rule holds) and three of them sit in the Anji course running now.
        if ci == 4 and status == 'Completed': chosen = chosen + demo_outcomes
        if ci == 4 and status == 'InProgress': chosen = chosen + demo_outcomes[:3]
        n += 1
        courses.append({
            'title': f"{county['name']}{title}培训班（{n}期）", 'program': programs[program]['name'],
            'category': category, 'topic': topic, 'level': LEVEL[category], 'traineeType': TRAINEE[category],
            'organiser': f"{county['name']}农业农村局", 'trainer': 'trainer.wang' if ci in (0, 4) else None,
            'region': township['code'], 'venue': f"{township['name']}农民学校", 'capacity': capacity,
            'totalHours': days * 7, 'windowOpensDay': opens, 'windowClosesDay': closes, 'status': status,
            'minAge': 18 if topic == 'Entrepreneurship' else 16, 'maxAge': 55 if topic == 'Entrepreneurship' else None,
            'sessions': sessions,
            # Distinct people per course; a person appears in at most one course of a program year.
            'enrolled': chosen,
        })
for c in courses:
    if c['region'][:6] == '330523' and c['status'] == 'Completed' and c['sessions'][0]['dayOffset'] > -100:
        c['program'] = None
    if c['region'][:6] == '330523' and c['status'] == 'InProgress':
        # Its session today is moved to run from 10 minutes before seeding for three hours (check-in can be tried at once).
        for s in c['sessions']:
            if s['dayOffset'] == 0: s['runningNow'] = True
# Keep the repeat rule true in the seed: a person may appear in one course per program.
seen = {}
for c in courses:
    keep = []
    for idn in c['enrolled']:
        key = (c['program'], idn)
        if key not in seen: seen[key] = True; keep.append(idn)
    c['enrolled'] = keep
for name, data in (('programs.json', programs), ('courses.json', courses)):
    with open(os.path.join(ROOT, name), 'w', encoding='utf-8') as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=1) + '\n')
print(len(programs), 'programs,', len(courses), 'courses,', sum(len(c['enrolled']) for c in courses), 'enrollments')
