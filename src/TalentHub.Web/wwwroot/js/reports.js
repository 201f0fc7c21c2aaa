// Draws the dashboard charts from the JSON data block #report-data (no inline script: the CSP forbids it).
(function () {
    'use strict';
    var block = document.getElementById('report-data');
    if (!block || typeof echarts === 'undefined') return;
    var data = JSON.parse(block.textContent);
    function chart(id) {
        var el = document.getElementById(id);
        return el ? echarts.init(el, null, { renderer: 'canvas' }) : null;
    }
    var progress = chart('chart-progress');
    if (progress) {
        progress.setOption({
            animation: false,
            tooltip: {},
            grid: { left: 80, right: 20, top: 20, bottom: 30 },
            xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', data: data.progress.map(function (p) { return p.county; }) },
            series: [{
                name: data.labels.score, type: 'bar',
                data: data.progress.map(function (p) { return p.score; }),
                markLine: data.cityAverage == null ? undefined : { symbol: 'none', data: [{ xAxis: data.cityAverage, name: data.labels.average }] }
            }]
        });
    }
    var trend = chart('chart-trend');
    if (trend) {
        trend.setOption({
            animation: false,
            tooltip: { trigger: 'axis' },
            legend: { data: [data.labels.shown, data.labels.average] },
            xAxis: { type: 'category', data: data.trend.map(function (t) { return t.month; }) },
            yAxis: { type: 'value' },
            series: [
                { name: data.labels.shown, type: 'line', data: data.trend.map(function (t) { return t.shown; }) },
                { name: data.labels.average, type: 'line', lineStyle: { type: 'dashed' }, data: data.trend.map(function (t) { return t.average; }) }
            ]
        });
    }
    var map = chart('chart-map');
    if (map && data.map && echarts.getMap(data.map.name)) {
        map.setOption({
            animation: false,
            tooltip: { trigger: 'item', formatter: function (p) { return p.name + (p.value == null || isNaN(p.value) ? '' : ': ' + p.value + '%'); } },
            visualMap: { min: 0, max: 100, calculable: true, left: 'left', bottom: 0, inRange: { color: ['#f8d7da', '#fff3cd', '#d1e7dd', '#198754'] } },
            series: [{ type: 'map', map: data.map.name, data: data.progress.map(function (p) { return { name: p.mapName, value: p.score }; }) }]
        });
    }
    var o = data.outcomes, drawn = [progress, trend, map];
    function bars(id, categories, series, extra) {
        var c = chart(id);
        if (!c) return;
        var option = {
            animation: false,
            tooltip: { trigger: 'axis' },
            legend: { type: 'scroll', top: 0 },
            grid: { left: 50, right: 20, top: 40, bottom: 60 },
            xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 4 ? 30 : 0 } },
            yAxis: { type: 'value' },
            series: series
        };
        if (extra) extra(option);
        c.setOption(option);
        c.getDom().setAttribute('data-drawn', 'true');
        drawn.push(c);
    }
    if (o) {
        bars('chart-talents', o.talents.categories, o.talents.series.map(function (s) { return { name: s.name, type: 'bar', data: s.values }; }));
        bars('chart-rates', o.counties, [
            { name: o.labels.completion, type: 'bar', data: o.completion },
            { name: o.labels.certification, type: 'bar', data: o.certification }
        ], function (opt) { opt.yAxis.max = 100; });
        bars('chart-satisfaction', o.counties, [{
            name: o.labels.satisfaction, type: 'bar', data: o.satisfaction,
            markLine: { symbol: 'none', lineStyle: { color: '#dc3545', type: 'dashed' }, label: { formatter: o.labels.line + ' ' + o.satisfactionLine + '%' }, data: [{ yAxis: o.satisfactionLine }] }
        }], function (opt) { opt.yAxis.max = 100; });
        bars('chart-followups', o.followUps.outcomes, o.followUps.series.map(function (s) { return { name: s.name, type: 'bar', data: s.values }; }),
            function (opt) { opt.yAxis.max = 100; });
        bars('chart-spend', o.spend.programs, [
            { name: o.labels.spend, type: 'bar', data: o.spend.perTrainee },
            { name: o.labels.standard, type: 'line', symbolSize: 10, data: o.spend.standard }
        ]);
    }
    [progress, trend, map].forEach(function (c) { if (c) c.getDom().setAttribute('data-drawn', 'true'); });
    window.addEventListener('resize', function () { drawn.forEach(function (c) { if (c) c.resize(); }); });
})();
