// TalentHub page helpers. A static file (no inline script, so a strict Content-Security-Policy holds):
//  1. confirmation before a destructive submit: <form data-confirm="question"> or <button data-confirm="...">;
//  2. narrow-screen stacked tables: each cell gets its column heading as data-label (read by site.css);
//  3. browser-side validation from the data-val-* attributes ASP.NET's tag helpers write from the
//     DataAnnotations (the same rules and localized messages as the server), all messages at once.
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
        var v = field.value;
        var empty = field.type === 'checkbox' ? !field.checked : v.trim() === '';
        var d = field.dataset;
        if (field.hasAttribute('data-val-required') && empty && field.type !== 'checkbox') return d.valRequired;
        if (empty) return null;
        var max = d.valLengthMax || d.valMaxlengthMax;
        if (max && v.length > +max) return d.valLength || d.valMaxlength;
        var min = d.valLengthMin || d.valMinlengthMin;
        if (min && v.length < +min) return d.valLength || d.valMinlength;
        if (d.valRegexPattern && !new RegExp('^(?:' + d.valRegexPattern + ')$').test(v)) return d.valRegex;
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

    function show(form, field, message) {
        var slot = form.querySelector('[data-valmsg-for="' + field.name + '"]');
        field.classList.toggle('input-validation-error', !!message);
        if (message) field.setAttribute('aria-invalid', 'true'); else field.removeAttribute('aria-invalid');
        if (!slot) return;
        slot.textContent = message || '';
        slot.className = message ? 'field-validation-error' : 'field-validation-valid';
    }

    function validate(form) {
        var first = null;
        form.querySelectorAll('[data-val="true"]').forEach(function (field) {
            if (field.disabled) return;
            var message = problem(field);
            show(form, field, message);
            if (message && !first) first = field;
        });
        return first;
    }

    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (form.hasAttribute('novalidate-client')) return;
        var first = validate(form);
        if (first) {
            e.preventDefault();
            first.focus();
        }
    });
    document.addEventListener('change', function (e) {
        var field = e.target;
        if (field.form && field.getAttribute && field.getAttribute('data-val') === 'true') show(field.form, field, problem(field));
    });

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', labelTables);
    else labelTables();
})();
