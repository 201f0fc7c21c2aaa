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
//     without a data-val-required message gets <body data-msg-required-field> with its label (data-msg-required without one),
//     a list or a radio group <body data-msg-choose-field>; the HTML constraints (pattern, min/max, minlength/maxlength,
//     step, type) get the other <body data-msg-*> templates. Every error at once, after one submit (forms31): the browser's
//     checks are off, and a <form data-server-checks> is posted anyway so the server's cross-field errors come with them.
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

    // 3. Validation from data-val-* attributes and the HTML constraints (required, pattern, min/max, minlength/maxlength,
    //    step, type). The browser's own checks are switched off (novalidate on every form): its bubble speaks the browser's
    //    language and shows one field at a time. The site shows every message at once, in the page's language, from the
    //    data-val-* message or from the templates <body data-msg-*> holds (resx, both languages); {0} is the field's label.
    function problem(field) {
        if (field.type === 'file' && field.dataset.maxBytes) {
            var cap = +field.dataset.maxBytes;
            var over = Array.prototype.some.call(field.files || [], function (f) { return f.size > cap; });
            if (over) return field.dataset.maxBytesMessage;
            if (field.getAttribute('data-val') !== 'true') return null;
        }
        var v = field.value;
        var choice = field.tagName === 'SELECT' || field.type === 'radio';
        var empty = field.type === 'checkbox' ? !field.checked
            : field.type === 'radio' ? !(field.form && field.form.querySelector('input[type="radio"][name="' + field.name + '"]:checked'))
            : v.trim() === '' && !(field.validity && field.validity.badInput);
        var d = field.dataset;
        if ((field.hasAttribute('data-val-required') || field.required) && empty && field.type !== 'checkbox')
            return d.valRequired || requiredMessage(field, choice);
        if (empty || field.type === 'radio') return null;
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
        return constraintProblem(field, v);
    }

    // The HTML constraints the field carries, as the browser finds them (its ValidityState), with the site's message.
    // minlength and maxlength are measured here: the browser flags them only after the user has typed in the field.
    function constraintProblem(field, v) {
        var s = field.validity;
        if (!s) return null;
        var dated = /^(date|month|week|time|datetime-local)$/.test(field.type);
        if (s.badInput || s.typeMismatch) return message(field, 'format');
        if (field.minLength > 0 && v.length < field.minLength) return message(field, 'minlength', field.minLength);
        if (field.maxLength >= 0 && v.length > field.maxLength) return message(field, 'maxlength', field.maxLength);
        if (s.patternMismatch) return message(field, 'format');
        if (s.rangeUnderflow) return message(field, dated ? 'min-date' : 'min', field.min);
        if (s.rangeOverflow) return message(field, dated ? 'max-date' : 'max', field.max);
        // A step of 0.1, 0.01 … reads as a number of decimal places (as the server's Step attribute says it).
        // No step (a whole-number field: the browser's step is 1) or a step of 1: "must be a whole number" (imports32).
        if (s.stepMismatch) return /^0\.0*1$/.test(field.step) ? message(field, 'decimals', field.step.length - 2)
            : (!field.step || field.step === '1') ? message(field, 'whole') : message(field, 'step', field.step);
        return null;
    }

    // The field's label: its <label for>, the legend of its fieldset (a radio group), its aria-label (a table cell such as
    // a target, named by its row and column), or null.
    function labelOf(field) {
        var label = field.id && document.querySelector('label[for="' + field.id + '"]');
        if (!label && field.type === 'radio') label = field.closest('fieldset') && field.closest('fieldset').querySelector('legend');
        return label ? label.textContent.trim() : (field.getAttribute('aria-label') || '').trim() || null;
    }

    // <body data-msg-{kind}> with the label for {0} (or the "this field" word without one) and the limit for {1}.
    function message(field, kind, limit) {
        var body = document.body;
        return (body.getAttribute('data-msg-' + kind) || '')
            .replace('{0}', labelOf(field) || body.getAttribute('data-msg-this-field')).replace('{1}', limit);
    }

    // A required field without its own message: "{label} is required" (a list or a choice: "Please choose {label}"),
    // or "A value is required" / "Please choose" without a label.
    function requiredMessage(field, choice) {
        var text = labelOf(field), body = document.body;
        if (choice) return text ? body.getAttribute('data-msg-choose-field').replace('{0}', text) : body.getAttribute('data-msg-choose');
        return text ? body.getAttribute('data-msg-required-field').replace('{0}', text) : body.getAttribute('data-msg-required');
    }

    function show(form, field, message) {
        var slot = form.querySelector('[data-valmsg-for="' + field.name + '"]');
        field.classList.toggle('input-validation-error', !!message);
        if (message) field.setAttribute('aria-invalid', 'true'); else field.removeAttribute('aria-invalid');
        if (!slot && message) {
            // A field without its own message slot gets one after it (after its input group or its radio group, if any).
            slot = document.createElement('span');
            slot.setAttribute('data-valmsg-for', field.name);
            var after = field.closest('.input-group') || (field.type === 'radio' && field.closest('fieldset')) || field;
            after.parentNode.insertBefore(slot, after.nextSibling);
        }
        if (!slot) return;
        slot.textContent = message || '';
        slot.className = message ? 'field-validation-error' : 'field-validation-valid';
    }

    var checked = '[data-val="true"], [required], input[type="file"][data-max-bytes], [pattern], [min], [max], [minlength], '
        + '[maxlength], [step], input[type="number"], input[type="email"], input[type="url"], input[type="date"], '
        + 'input[type="month"], input[type="week"], input[type="time"], input[type="datetime-local"]';

    function validate(form) {
        var first = null, groups = {};
        form.querySelectorAll(checked).forEach(function (field) {
            if (field.disabled || !field.name || /^(hidden|submit|button|reset|image)$/.test(field.type)) return;
            // A radio group is one field: checked (and its message shown) once.
            if (field.type === 'radio') {
                if (groups[field.name]) return;
                groups[field.name] = true;
            }
            var message = problem(field);
            show(form, field, message);
            if (message && !first) first = field;
        });
        return first;
    }

    // Every form is checked by the script, not by the browser (see above); a form that opts out of checks keeps novalidate.
    function quiet() { document.querySelectorAll('form').forEach(function (f) { f.noValidate = true; }); }

    // A form whose server checks more than the script can (cross-field and domain rules; <form data-server-checks>) is
    // posted even when the script found errors, so the page comes back with every error at once — except when it holds a
    // chosen file, which a round trip would lose: that post is stopped, as on every other form.
    function postsAnyway(form) {
        if (!form.hasAttribute('data-server-checks')) return false;
        return !Array.prototype.some.call(form.querySelectorAll('input[type="file"]'), function (f) { return f.files && f.files.length > 0; });
    }

    document.addEventListener('submit', function (e) {
        var form = e.target;
        // A button with formnovalidate (a search inside a form, "add a row") submits without the checks.
        if (e.submitter && e.submitter.hasAttribute('formnovalidate')) return;
        var first = validate(form);
        if (first && !postsAnyway(form)) {
            e.preventDefault();
            first.focus();
        }
    });
    // A form added or left without novalidate: should the browser still check it, its bubble is cancelled and the site's
    // messages are shown instead, all at once.
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

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', quiet);
    else quiet();
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
