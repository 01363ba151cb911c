// Runs inside the page (page.evaluate): makes the planned bands fit the page by cutting articles at
// paragraph boundaries (with a jump line), evens out the heights of the items of a band, drops a
// band that cannot fit at all, and reports what is left on the page for the gold.

/** Browser-side fitting; returns { items: [{ idx, kept: [k...], cut }], droppedBands, overflow }. */
export function fitPage() {
  const grid = document.querySelector(".grid");
  const avail = () => grid.getBoundingClientRect().height;
  const used = () => {
    const bands = [...grid.querySelectorAll(".band")];
    if (!bands.length) return 0;
    return bands[bands.length - 1].getBoundingClientRect().bottom - grid.getBoundingClientRect().top;
  };
  const h = (el) => el.getBoundingClientRect().height;
  // articles keep at least this many body paragraphs when cut (fewer if they have fewer)
  const MIN_KEEP = 2;
  // an item may stand this much taller than the rest of its band before it is cut back
  const BAND_SLACK = 1.12;

  function cut(item) {
    const body = item.querySelector(".body");
    if (!body) return false;
    // cutting only helps if the body text is what makes the item tall (not a vertical head)
    const wrap = item.querySelector(".bodywrap");
    const head = item.querySelector(".head");
    if (item.classList.contains("vertical") && head && h(head) >= h(wrap) - 2) return false;
    const paras = [...body.querySelectorAll("p.para")];
    if (paras.length <= MIN_KEEP) return false;
    body.querySelectorAll(".byend").forEach((e) => e.remove());
    paras[paras.length - 1].remove();
    // a subhead never ends a cut article
    for (let text = [...body.querySelectorAll("p.para, p.sub")]; text.length && text[text.length - 1].classList.contains("sub"); text = [...body.querySelectorAll("p.para, p.sub")]) text[text.length - 1].remove();
    if (!body.querySelector(".jump")) {
      const j = document.createElement("p");
      j.className = "jump";
      j.textContent = body.dataset.jump;
      body.appendChild(j);
    }
    item.dataset.cut = "1";
    return true;
  }

  function shrinkPhoto(item) {
    const img = item.querySelector(".img");
    const mm = parseFloat(img.style.height);
    if (mm <= 28) return false;
    img.style.height = `${Math.max(28, mm * 0.85).toFixed(1)}mm`;
    return true;
  }

  // 0. a headline with a space in it stays on one line: a line break would hide the space, and the
  // gold could not say whether the two halves are joined with one or not
  for (const hl of document.querySelectorAll(".hl[data-oneline]")) {
    const vertical = getComputedStyle(hl).writingMode.startsWith("vertical");
    const lines = () => (vertical ? hl.getBoundingClientRect().width : hl.getBoundingClientRect().height) / parseFloat(getComputedStyle(hl).fontSize);
    for (let pt = parseFloat(hl.style.fontSize); lines() > 1.6 && pt > 9; pt -= 0.5) hl.style.fontSize = `${pt}pt`;
  }
  // 1. even out each band: cut its tallest article back towards the next tallest item
  for (const band of grid.querySelectorAll(".band")) {
    for (let guard = 0; guard < 60; guard++) {
      const items = [...band.children].map((el) => ({ el, h: el.classList.contains("photo") ? naturalPhoto(el) : naturalArticle(el) }));
      if (items.length < 2) break;
      items.sort((a, b) => b.h - a.h);
      if (items[0].h <= items[1].h * BAND_SLACK) break;
      if (items[0].el.classList.contains("photo") ? !shrinkPhoto(items[0].el) : !cut(items[0].el)) break;
    }
  }
  // 2. fit the page: cut the items that make the tallest band tall
  let droppedBands = 0;
  for (let guard = 0; guard < 400 && used() > avail() + 0.5; guard++) {
    const bands = [...grid.querySelectorAll(".band")];
    bands.sort((a, b) => h(b) - h(a));
    let done = false;
    for (const band of bands) {
      const items = [...band.children].map((el) => ({ el, h: el.classList.contains("photo") ? naturalPhoto(el) : naturalArticle(el) }));
      const top = Math.max(...items.map((x) => x.h));
      for (const x of items) if (x.h >= top - 3) done = (x.el.classList.contains("photo") ? shrinkPhoto(x.el) : cut(x.el)) || done;
      if (done) break;
    }
    if (!done) {
      grid.removeChild([...grid.querySelectorAll(".band")].pop());
      droppedBands++;
    }
  }
  // 3. photos fill the height of their band; spare room at the foot of the page goes to the
  // photos of the last band that has one
  for (const img of grid.querySelectorAll(".img")) img.style.flexGrow = "1";
  const spare = avail() - used();
  if (spare > 4) {
    const withPhoto = [...grid.querySelectorAll(".band")].filter((b) => b.querySelector(".photo")).pop();
    if (withPhoto) for (const img of withPhoto.querySelectorAll(".img")) img.style.height = `${((h(img) + spare - 2) * 25.4) / 96}mm`;
  }

  function naturalArticle(el) {
    // height of the content, not of the stretched flex item
    return [...el.children].reduce((m, c) => Math.max(m, c.getBoundingClientRect().bottom), 0) - el.getBoundingClientRect().top;
  }
  function naturalPhoto(el) {
    return [...el.children].reduce((s, c) => s + c.getBoundingClientRect().height, 0);
  }

  const items = [...grid.querySelectorAll(".item")].map((el) => ({
    idx: Number(el.dataset.idx),
    kept: [...el.querySelectorAll(".body p[data-k]")].map((p) => Number(p.dataset.k)),
    cut: el.dataset.cut === "1",
    endByline: !!el.querySelector(".byend"),
  }));
  // every element must lie inside the page: nothing clipped or overflowing
  const pageBox = document.querySelector(".page").getBoundingClientRect();
  const overflow = [];
  for (const el of document.querySelectorAll(".item, .item *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.bottom > pageBox.bottom + 1 || r.right > pageBox.right + 1 || r.left < pageBox.left - 1) overflow.push(`${el.className} ${el.textContent.slice(0, 20)}`);
  }
  for (const b of document.querySelectorAll(".body")) if (b.scrollWidth > b.clientWidth + 2) overflow.push(`body columns overflow: ${b.textContent.slice(0, 20)}`);
  return { items, droppedBands, overflow, spare: avail() - used() };
}
