// The indicator finder: filters the A-to-Z table as one types. Without JavaScript the form stays
// hidden and every row shows. Every word comes from the page: data-status-<form> holds the status
// sentence in each plural form of the page's language, chosen by the browser's CLDR rules.
// With data-full-text (full_text_search in site.yml), Pagefind's index of the indicator pages
// adds the rows whose page holds the words; the list stays the one list.
(function () {
  "use strict";
  var form = document.querySelector("form[data-finder]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = form.querySelector("[role=status]");
  var table = form.nextElementSibling && form.nextElementSibling.querySelector("tbody");
  if (!input || !status || !table) return;
  var lang = document.documentElement.lang || "en";
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  var rows = Array.prototype.slice.call(table.rows).map(function (row) {
    var text = [row.cells[0].textContent, row.getAttribute("data-keywords"), row.getAttribute("data-summary")];
    var link = row.querySelector("a");
    return { row: row, text: text.join(" ").toLowerCase(), page: link ? pagePath(link.href) : "" };
  });
  var fullText = form.getAttribute("data-full-text");
  var pagefind = null;
  var asked = 0;
  var timer;

  // "/site/indicators/x/index.html" and Pagefind's "/indicators/x/" both end "indicators/x/".
  function pagePath(href) {
    return new URL(href, document.baseURI).pathname.replace(/index\.html$/, "");
  }
  function say(count) {
    var category = plural ? plural.select(count) : count === 1 ? "one" : "other";
    var sentence = form.getAttribute("data-status-" + category) || form.getAttribute("data-status-other");
    status.textContent = sentence.replace("{count}", count.toLocaleString(lang));
  }
  function show(words, pages) {
    var count = 0;
    rows.forEach(function (entry) {
      var match = words.every(function (word) { return entry.text.indexOf(word) !== -1; });
      if (!match && pages) {
        match = pages.some(function (page) { return entry.page.slice(-page.length) === page; });
      }
      entry.row.hidden = !match;
      if (match) count += 1;
    });
    return count;
  }
  function search(query) {
    if (!fullText || !query) return Promise.resolve(null);
    if (!pagefind) pagefind = import(new URL(fullText, document.baseURI).href);
    return pagefind.then(function (found) { return found.search(query); }).then(function (answer) {
      // Each result's address is in its fragment, loaded on asking.
      return answer ? Promise.all(answer.results.map(function (result) { return result.data(); })) : null;
    }).then(function (pages) {
      return pages ? pages.map(function (page) { return page.url.replace(/index\.html$/, ""); }) : null;
    }).catch(function () { return null; });  // no index (the preview server): the titles alone
  }
  function filter() {
    var query = input.value.trim();
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var count = show(words, null);
    var ask = ++asked;
    // Announce once typing pauses, so a screen reader is not interrupted on every key.
    clearTimeout(timer);
    timer = setTimeout(function () {
      search(query).then(function (pages) {
        if (ask !== asked) return;  // a newer search is on its way
        if (pages) count = show(words, pages);
        if (words.length) say(count); else status.textContent = "";
      });
    }, 300);
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("input", filter);
  form.hidden = false;
})();
