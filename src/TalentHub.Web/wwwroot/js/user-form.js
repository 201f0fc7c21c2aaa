// Users form: the county field shows only for county-bound roles (no inline script: the CSP forbids it).
(() => {
    const role = document.getElementById('Input_Role'), county = document.getElementById('county-field');
    if (!role || !county) return;
    const countyRoles = (role.dataset.countyRoles || '').split(',');
    const show = () => { county.hidden = role.value !== '' && !countyRoles.includes(role.value); };
    role.addEventListener('change', show);
    show();
})();
