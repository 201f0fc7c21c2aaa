// Buttons marked data-print open the browser's print dialog (the CSP allows scripts only from files).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
