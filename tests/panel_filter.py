"""The placing panel's filter box driven in a browser: what a planner typing into it sees listed."""

_TYPE_JS = ("var box = document.querySelector('.geo-panel-filter'); box.value = arguments[0];"
            "box.dispatchEvent(new Event('input'));")
_SHOWN_JS = """
    return Array.from(document.querySelectorAll('.geo-panel-unlocated')).filter(function (row) {
        return row.offsetParent !== null; }).map(function (row) {
        return row.querySelector('.geo-panel-name').textContent; });"""


def filtered_names(driver, typed):
    """The names of the unlocated projects the panel shows once ``typed`` is in its filter box (set as
    a keyboard would, with the input event: ChromeDriver cannot type every character, emoji among them)."""
    driver.execute_script(_TYPE_JS, typed)
    return driver.execute_script(_SHOWN_JS)
