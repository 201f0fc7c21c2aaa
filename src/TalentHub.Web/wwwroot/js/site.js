// TalentHub page helpers. A static file (no inline script, so a strict Content-Security-Policy holds):
//  1. confirmation before a destructive submit: <form data-confirm="question"> or <button data-confirm="...">;
//  2. narrow-screen stacked tables: each cell gets its column heading as data-label (read by site.css);
//  3. browser-side validation from the data-val-* attributes ASP.NET's tag helpers write from the
//     DataAnnotations (the same rules and localized messages as the server), all messages at once; a field
//     shown wrong is checked again as it is typed in; a file field's
//     cap (<input type="file" data-max-bytes="…" data-max-bytes-message="…">) is checked the same way, so a file over
//     it is refused before it is sent and what was typed in the form stays (the server refuses it too). A field the
//     browser finds invalid (a `required` one left empty) gets these messages in the page's language in place of the
//     browser's own bubble, which speaks the browser's language (mobile30: the village picker); a `required` field
//     without a data-val-required message gets <body data-msg-required-field> with its label (data-msg-required without one).
(function () {
    'use strict';

    // 1. Confirmations.
    document.addEventListener('submit', function (e) {
        var form = e.target;
        var button = e.submitter;
        var question = (button && button.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
        if (question && !window.confirm(question)) {
            e.preventDefault();
            e.stopImmediatePropagation();
        }
    }, true);

    // 2. Stacked tables: label every cell with its column heading.
    function labelTables() {
        document.querySelectorAll('table.table:not(.no-stack)').forEach(function (table) {
            var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
                return th.textContent.trim();
            });
            table.classList.add('table-stack');
            table.querySelectorAll('tbody tr').forEach(function (tr) {
                Array.prototype.forEach.call(tr.children, function (td, i) {
                    if (heads[i] && !td.hasAttribute('data-label')) td.setAttribute('data-label', heads[i]);
                });
            });
        });
    }

    // 3. Validation from data-val-* attributes.
    function problem(field) {
        if (field.type === 'file' && field.dataset.maxBytes) {
            var cap = +field.dataset.maxBytes;
            var over = Array.prototype.some.call(field.files || [], function (f) { return f.size > cap; });
            if (over) return field.dataset.maxBytesMessage;
            if (field.getAttribute('data-val') !== 'true') return null;
        }
        var v = field.value;
        var empty = field.type === 'checkbox' ? !field.checked : v.trim() === '';
        var d = field.dataset;
        if ((field.hasAttribute('data-val-required') || field.required) && empty && field.type !== 'checkbox' && field.type !== 'radio')
            return d.valRequired || requiredMessage(field);
        if (empty) return null;
        var max = d.valLengthMax || d.valMaxlengthMax;
        if (max && v.length > +max) return d.valLength || d.valMaxlength;
        var min = d.valLengthMin || d.valMinlengthMin;
        if (min && v.length < +min) return d.valLength || d.valMinlength;
        // Tested on the NFKC form, as the server reads typed codes and identifiers (TextNormalizer): full-width digits
        // from a Chinese input method are digits there, and .NET's \d matches them while JavaScript's does not.
        if (d.valRegexPattern && !new RegExp('^(?:' + d.valRegexPattern + ')$').test(v.normalize('NFKC'))) return d.valRegex;
        if (d.valNumber && isNaN(Number(v))) return d.valNumber;
        if (d.valRangeMin !== undefined || d.valRangeMax !== undefined) {
            var n = Number(v);
            if (!isNaN(n) && ((d.valRangeMin && n < +d.valRangeMin) || (d.valRangeMax && n > +d.valRangeMax))) return d.valRange;
        }
        if (d.valEmail && !/^[^\s@]+@[^\s@]+$/.test(v)) return d.valEmail;
        if (d.valEqualtoOther) {
            var other = field.form.querySelector('[name="' + d.valEqualtoOther.replace('*.', field.name.replace(/[^.]*$/, '')) + '"]');
            if (other && other.value !== v) return d.valEqualto;
        }
        return null;
    }

    // A `required` field without its own message: "{label} is required", or "A value is required" without a label.
    function requiredMessage(field) {
        var label = field.id && document.querySelector('label[for="' + field.id + '"]');
        var text = label && label.textContent.trim();
        return text ? document.body.getAttribute('data-msg-required-field').replace('{0}', text) : document.body.getAttribute('data-msg-required');
    }

    function show(form, field, message) {
        var slot = form.querySelector('[data-valmsg-for="' + field.name + '"]');
        field.classList.toggle('input-validation-error', !!message);
        if (message) field.setAttribute('aria-invalid', 'true'); else field.removeAttribute('aria-invalid');
        if (!slot && message) {
            // A field without its own message slot gets one after it (after its input group, if any).
            slot = document.createElement('span');
            slot.setAttribute('data-valmsg-for', field.name);
            var after = field.closest('.input-group') || field;
            after.parentNode.insertBefore(slot, after.nextSibling);
        }
        if (!slot) return;
        slot.textContent = message || '';
        slot.className = message ? 'field-validation-error' : 'field-validation-valid';
    }

    var checked = '[data-val="true"], [required], input[type="file"][data-max-bytes]';

    function validate(form) {
        var first = null;
        form.querySelectorAll(checked).forEach(function (field) {
            if (field.disabled) return;
            var message = problem(field);
            show(form, field, message);
            if (message && !first) first = field;
        });
        return first;
    }

    document.addEventListener('submit', function (e) {
        var form = e.target;
        // A button with formnovalidate (a search inside a form, "add a row") submits without the checks.
        if (e.submitter && e.submitter.hasAttribute('formnovalidate')) return;
        var first = validate(form);
        if (first) {
            e.preventDefault();
            first.focus();
        }
    });
    // The browser checks a form's constraints before its submit event and, for a field it finds invalid, fires "invalid"
    // and shows its own bubble. Where the site has a message for that field the bubble is cancelled and the site's messages
    // are shown instead, all at once; the submit stays stopped. A constraint the site does not check keeps the bubble.
    document.addEventListener('invalid', function (e) {
        var field = e.target, form = field.form;
        if (!form || !field.matches || !field.matches(checked) || !problem(field)) return;
        e.preventDefault();
        var first = validate(form);
        if (first && form.querySelector(':focus') !== first) first.focus();
    }, true);
    document.addEventListener('change', function (e) {
        var field = e.target;
        if (field.form && field.matches && field.matches(checked)) show(field.form, field, problem(field));
    });
    // A field marked wrong (by the server or above) is checked again as it is typed in, so its message goes while typing.
    // Left to "change", it went on the blur of the click on the submit button: the button moved up between the press and
    // the release, and the click was lost (review18: the right authenticator code after a wrong one needed two clicks).
    document.addEventListener('input', function (e) {
        var field = e.target;
        if (field.form && field.matches && field.matches(checked) && field.classList.contains('input-validation-error'))
            show(field.form, field, problem(field));
    });

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', labelTables);
    else labelTables();
})();

// 4. The login field opens the number pad on phones (farmers sign in with a mobile); staff switch to letters.
document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-inputmode-toggle]');
    if (!button) return;
    var field = document.querySelector(button.getAttribute('data-inputmode-toggle'));
    if (!field) return;
    var numeric = field.getAttribute('inputmode') === 'numeric';
    field.setAttribute('inputmode', numeric ? 'text' : 'numeric');
    button.textContent = numeric ? button.getAttribute('data-label-numeric') : button.getAttribute('data-label-text');
    field.focus();
});

// 5. Village choice: county → town → village, or by search (select[data-cascade] from the RegionPicker component).
(function () {
    function build(select) {
        var all = Array.prototype.filter.call(select.options, function (o) { return o.value; }).map(function (o) {
            return { value: o.value, text: o.textContent, county: o.dataset.county, town: o.dataset.town, group: o.parentElement.label, selected: o.selected };
        });
        var placeholder = select.options[0] && !select.options[0].value ? select.options[0].textContent : '';
        function field(tag, label, id) {
            var wrap = document.createElement('div');
            wrap.className = 'mb-2';
            var l = document.createElement('label');
            l.className = 'form-label small mb-0';
            l.textContent = label;
            l.htmlFor = id;
            var el = document.createElement(tag);
            el.id = id;
            el.className = tag === 'select' ? 'form-select' : 'form-control';
            wrap.appendChild(l);
            wrap.appendChild(el);
            select.parentNode.insertBefore(wrap, select);
            return el;
        }
        function fill(el, values, allLabel) {
            el.innerHTML = '';
            var first = new Option(allLabel, '');
            el.add(first);
            values.forEach(function (v) { el.add(new Option(v, v)); });
        }
        function unique(list) { return list.filter(function (v, i) { return v && list.indexOf(v) === i; }); }
        var county = field('select', select.dataset.labelCounty, select.id + '-county');
        var town = field('select', select.dataset.labelTown, select.id + '-town');
        var search = field('input', select.dataset.labelSearch, select.id + '-search');
        search.type = 'search';
        fill(county, unique(all.map(function (o) { return o.county; })), select.dataset.labelAll);
        var chosen = all.filter(function (o) { return o.selected; })[0];
        function towns() {
            fill(town, unique(all.filter(function (o) { return !county.value || o.county === county.value; }).map(function (o) { return o.town; })), select.dataset.labelAll);
        }
        function villages() {
            var q = search.value.trim();
            var keep = select.value;
            select.innerHTML = '';
            select.add(new Option(placeholder, ''));
            all.filter(function (o) {
                return (!county.value || o.county === county.value) && (!town.value || o.town === town.value)
                    && (!q || (o.text + o.town + o.county).indexOf(q) >= 0);
            }).forEach(function (o) {
                select.add(new Option(q ? o.county + ' · ' + o.town + ' · ' + o.text : o.text, o.value, false, o.value === keep));
            });
            if (select.options.length === 2 && q) select.selectedIndex = 1;
        }
        if (chosen) { county.value = chosen.county; }
        towns();
        if (chosen) { town.value = chosen.town; }
        villages();
        county.addEventListener('change', function () { towns(); villages(); });
        town.addEventListener('change', villages);
        search.addEventListener('input', villages);
    }
    function init() { document.querySelectorAll('select[data-cascade="true"]').forEach(build); }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
