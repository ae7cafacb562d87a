// The unit picker: typing in the search field shows the units whose name matches and the
// groups that still hold one; the count is read out. Without JavaScript the whole list shows.
document.addEventListener("DOMContentLoaded", () => {
  const search = document.querySelector("[data-unit-search]");
  if (!search) return;
  const count = document.querySelector("[data-unit-count]");
  const choices = [...document.querySelectorAll("[data-unit-choice]")];
  const groups = [...document.querySelectorAll("[data-unit-group]")];
  search.addEventListener("input", () => {
    const query = search.value.trim().toLocaleLowerCase("nb");
    let shown = 0;
    for (const choice of choices) {
      const match = !query || choice.textContent.toLocaleLowerCase("nb").includes(query);
      choice.hidden = !match;
      if (match) shown += 1;
    }
    for (const group of groups) {
      group.hidden = !group.querySelector("[data-unit-choice]:not([hidden])");
    }
    count.textContent = query ? `${shown} av ${choices.length} enheter vises` : "";
  });
});
