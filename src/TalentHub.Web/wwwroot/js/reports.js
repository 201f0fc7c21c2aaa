// Draws the dashboard charts from the JSON data block #report-data (no inline script: the CSP forbids it).
// Narrow screens (phones, up to 575 px) get their own options (mobile30): short county names, bar charts whose labels
// do not fit side by side laid out horizontally with whole, wrapped labels (reports31),
// legends that wrap onto as many rows as they need instead of paging, and the target line labelled inside the chart.
// Every text comes from the data block, in the page's language. Crossing the width sets the options again.
(function () {
    'use strict';
    var block = document.getElementById('report-data');
    if (!block || typeof echarts === 'undefined') return;
    var data = JSON.parse(block.textContent);
    var narrowQuery = window.matchMedia('(max-width: 575.98px)');
    // Red (behind) to green (ahead), strong enough to tell the counties apart on a phone in daylight.
    var scale = ['#d73027', '#fc8d59', '#fee08b', '#91cf60', '#1a9850'];
    var drawn = [];

    function chart(id, build) {
        var el = document.getElementById(id);
        if (!el) return null;
        var c = echarts.init(el, null, { renderer: 'canvas' });
        drawn.push({ chart: c, build: build });
        return c;
    }

    // Text widths as the chart draws them, to lay out legends and axis labels before drawing.
    var measure = document.createElement('canvas').getContext('2d');
    function textWidth(text, fontSize) {
        measure.font = fontSize + 'px ' + getComputedStyle(document.body).fontFamily;
        return measure.measureText(String(text)).width;
    }
    // How many rows a plain legend of these names takes in the chart's width (ECharts wraps it itself).
    function legendRows(el, names, fontSize) {
        var width = el.clientWidth - 10, rows = 1, used = 0;
        names.forEach(function (n) {
            var w = 14 + 5 + textWidth(n, fontSize) + 8;
            if (used > 0 && used + w > width) { rows++; used = 0; }
            used += w;
        });
        return rows;
    }

    function legendFor(el, names, narrow) {
        if (!narrow) return { legend: { type: 'scroll', top: 0 }, top: 40 };
        var rows = legendRows(el, names, 11);
        return {
            legend: { type: 'plain', top: 0, left: 0, right: 0, itemWidth: 14, itemHeight: 10, itemGap: 8, textStyle: { fontSize: 11 } },
            top: rows * 18 + 16
        };
    }

    chart('chart-progress', function (narrow) {
        return {
            animation: false,
            tooltip: {},
            grid: narrow ? { left: 8, right: 16, top: 24, bottom: 8, containLabel: true } : { left: 80, right: 20, top: 28, bottom: 30 },
            xAxis: { type: 'value', axisLabel: { formatter: '{value}%', hideOverlap: true, fontSize: narrow ? 10 : 12 } },
            yAxis: { type: 'category', data: data.progress.map(function (p) { return narrow ? p.shortName : p.county; }) },
            series: [{
                name: data.labels.score, type: 'bar',
                data: data.progress.map(function (p) { return p.score; }),
                markLine: data.cityAverage == null ? undefined : {
                    symbol: 'none', data: [{ xAxis: data.cityAverage, name: data.labels.average }],
                    label: { position: 'end', formatter: data.labels.average + ' ' + data.cityAverage + '%', fontSize: narrow ? 10 : 12 }
                }
            }]
        };
    });
    chart('chart-trend', function (narrow) {
        var names = [data.labels.shown, data.labels.average];
        // At phone width the legend gets its own rows above the grid (review30: it was drawn over the lines and months).
        var legend = narrow ? legendFor(document.getElementById('chart-trend'), names, true) : null;
        return {
            animation: false,
            tooltip: { trigger: 'axis' },
            legend: narrow ? Object.assign({ data: names }, legend.legend) : { data: names, textStyle: { fontSize: 12 } },
            grid: narrow ? { left: 8, right: 12, top: legend.top, bottom: 8, containLabel: true } : {},
            xAxis: {
                type: 'category', data: data.trend.map(function (t) { return t.month; }),
                axisLabel: { hideOverlap: true, fontSize: narrow ? 10 : 12 }
            },
            yAxis: { type: 'value', axisLabel: { fontSize: narrow ? 10 : 12 } },
            series: [
                { name: data.labels.shown, type: 'line', data: data.trend.map(function (t) { return t.shown; }) },
                { name: data.labels.average, type: 'line', lineStyle: { type: 'dashed' }, data: data.trend.map(function (t) { return t.average; }) }
            ]
        };
    });
    // The map's features are named in Chinese: its labels and tooltips show the county's name in the page's language.
    var shortOnMap = {}, nameOnMap = {};
    data.progress.forEach(function (p) { shortOnMap[p.mapName] = p.shortName; nameOnMap[p.mapName] = p.county; });
    if (data.map && echarts.getMap(data.map.name)) chart('chart-map', function (narrow) {
        return {
            animation: false,
            tooltip: { trigger: 'item', formatter: function (p) { return (nameOnMap[p.name] || p.name) + (p.value == null || isNaN(p.value) ? '' : ': ' + p.value + '%'); } },
            visualMap: {
                min: 0, max: 100, calculable: true, formatter: '{value}%', inRange: { color: scale }, // one scale: the handles say 0%…100%
                orient: narrow ? 'horizontal' : 'vertical', left: narrow ? 'center' : 'left', bottom: 0,
                itemWidth: narrow ? 12 : 20, itemHeight: 140, textStyle: { fontSize: narrow ? 11 : 12, color: '#212529' }
            },
            series: [{
                type: 'map', map: data.map.name, top: narrow ? 8 : 20, bottom: narrow ? 56 : 20,
                itemStyle: { borderColor: '#495057', borderWidth: 1, areaColor: '#e9ecef' },
                label: { show: true, fontSize: narrow ? 10 : 12, color: '#212529', formatter: function (p) { return shortOnMap[p.name] || p.name; } },
                emphasis: { label: { show: true } },
                data: data.progress.map(function (p) { return { name: p.mapName, value: p.score }; })
            }]
        };
    });

    var o = data.outcomes;
    // A bar chart of categories. On a phone, when the labels do not fit side by side under their bars, the chart is laid
    // out horizontally: the categories down the left, each label whole, wrapped onto as many lines as it needs (reports31:
    // turned 45° and cut at 64 px, "返乡入乡创业人员" and "Joined or founded an entity (%)" lost their ends). The tooltip
    // names the category in full as well. extra(option, narrow, valueAxis) adds a chart's own settings.
    function bars(id, categories, shortCategories, series, extra) {
        return chart(id, function (narrow) {
            var el = document.getElementById(id);
            var names = series.map(function (s) { return narrow && s.shortName ? s.shortName : s.name; });
            var legend = legendFor(el, names, narrow);
            var slot = Math.floor((el.clientWidth - 48) / Math.max(categories.length, 1));
            var labels = narrow ? shortCategories : categories;
            var sideways = narrow && labels.some(function (c) { return textWidth(c, 10) > slot - 6; });
            var many = !narrow && categories.length > 4;
            var category = {
                type: 'category', data: labels,
                axisLabel: sideways
                    ? { interval: 0, fontSize: 10, width: Math.floor(el.clientWidth * 0.3), overflow: 'break', lineHeight: 12 }
                    : narrow ? { interval: 0, fontSize: 10 } : { interval: 0, rotate: many ? 30 : 0 }
            };
            var value = { type: 'value', axisLabel: { fontSize: narrow ? 10 : 12, hideOverlap: true } };
            if (sideways) category.inverse = true; // the first category at the top, as read
            var option = {
                animation: false,
                tooltip: { trigger: 'axis' },
                legend: legend.legend,
                grid: narrow ? { left: 4, right: 12, top: legend.top, bottom: 4, containLabel: true } : { left: 50, right: 20, top: legend.top, bottom: 60 },
                xAxis: sideways ? value : category,
                yAxis: sideways ? category : value,
                series: series.map(function (s, i) {
                    var copy = Object.assign({}, s, { name: names[i] });
                    delete copy.shortName;
                    return copy;
                })
            };
            if (extra) extra(option, narrow, value, sideways);
            return option;
        });
    }
    if (o) {
        bars('chart-talents', o.talents.categories, o.talents.categories,
            o.talents.series.map(function (s) { return { name: s.name, shortName: s.shortName, type: 'bar', data: s.values }; }));
        bars('chart-rates', o.counties, o.countiesShort, [
            { name: o.labels.completion, type: 'bar', data: o.completion },
            { name: o.labels.certification, type: 'bar', data: o.certification }
        ], function (opt, narrow, value) { value.max = 100; });
        bars('chart-satisfaction', o.counties, o.countiesShort, [{
            name: o.labels.satisfaction, type: 'bar', data: o.satisfaction,
            markLine: { symbol: 'none', lineStyle: { color: '#dc3545', type: 'dashed' }, data: [{ yAxis: o.satisfactionLine }] }
        }], function (opt, narrow, value, sideways) {
            value.max = 100;
            if (sideways) opt.series[0].markLine.data = [{ xAxis: o.satisfactionLine }];
            // Inside the chart, above the line's end: at the default place (past the end) the grid's edge cut it off.
            opt.series[0].markLine.label = { position: 'insideEndTop', color: '#b02a37', fontSize: narrow ? 10 : 12,
                formatter: o.labels.target + ' ' + o.satisfactionLine + '%' };
        });
        bars('chart-followups', o.followUps.outcomes, o.followUps.outcomes,
            o.followUps.series.map(function (s) { return { name: s.name, shortName: s.shortName, type: 'bar', data: s.values }; }),
            function (opt, narrow, value) { value.max = 100; });
        bars('chart-spend', o.spend.programs, o.spend.programs, [
            { name: o.labels.spend, type: 'bar', data: o.spend.perTrainee },
            { name: o.labels.standard, type: 'line', symbolSize: 10, data: o.spend.standard }
        ]);
    }

    var narrow = narrowQuery.matches;
    function draw() {
        drawn.forEach(function (d) {
            d.chart.setOption(d.build(narrow), true);
            var dom = d.chart.getDom();
            dom.setAttribute('data-drawn', 'true');
            dom.setAttribute('data-narrow', narrow ? 'true' : 'false');
        });
    }
    draw();
    window.addEventListener('resize', function () {
        if (narrowQuery.matches !== narrow) { narrow = narrowQuery.matches; draw(); }
        drawn.forEach(function (d) { d.chart.resize(); });
    });
})();
