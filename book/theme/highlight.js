// The book's syntax highlighter, in place of mdBook's (a theme override:
// mdBook uses theme/highlight.js when the book has one).
//
// mdBook ships highlight.js with some forty languages: 46 KB gzip on every
// page, a sixth of a page's budget. This book's code blocks use a handful
// (the model file's TOML, shell sessions, HTML mount points, Markdown
// directives, JSON), so this file highlights those and leaves any other
// block as plain text. It keeps the API mdBook's book.js calls
// (`hljs.configure`, `hljs.highlightBlock`) and highlight.js's class names,
// so mdBook's highlight themes (light, ayu, tomorrow-night) colour it.
(function () {
  "use strict";

  var STRING = /"(?:\\.|[^"\\\n])*"|'[^'\n]*'/y;
  var NUMBER = /-?\b\d[\d_]*(?:\.\d+)?\b/y;

  // Each language: rules tried in order at each position; the first that
  // matches makes one token. `lead` names a capture group that stays text.
  var LANGUAGES = {
    toml: [
      [/#.*/y, "comment"],
      [/^[ \t]*\[\[?[^\]\n]*\]\]?/my, "section"],
      [/^[ \t]*[A-Za-z0-9_.-]+(?=[ \t]*=)/my, "attr"],
      [/"""[\s\S]*?"""|'''[\s\S]*?'''/y, "string"],
      [STRING, "string"],
      [/\b(?:true|false)\b/y, "literal"],
      [NUMBER, "number"]
    ],
    json: [
      [/"(?:\\.|[^"\\\n])*"(?=\s*:)/y, "attr"],
      [STRING, "string"],
      [/\b(?:true|false|null)\b/y, "literal"],
      [NUMBER, "number"]
    ],
    bash: [
      [/^[ \t]*[$>](?= )/my, "meta"],
      [/(?:^|(?<=\s))#.*/my, "comment"],
      [STRING, "string"],
      [/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/y, "variable"],
      [/(?<=^[ \t]*[$>] )[A-Za-z0-9_./-]+/my, "built_in"]
    ],
    html: [
      [/<!--[\s\S]*?-->/y, "comment"],
      [/<\/?[A-Za-z][\w-]*(?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/y, tag]
    ],
    markdown: [
      [/^#{1,6} .*/my, "section"],
      [/\\?\{\{#[^}\n]*\}\}/y, "meta"],
      [/`[^`\n]+`/y, "code"],
      [/\*\*[^*\n]+\*\*/y, "strong"],
      [/\[[^\]\n]*\]\([^)\n]*\)/y, "link"],
      [/^[ \t]*(?:[-*+]|\d+\.)(?= )/my, "bullet"]
    ]
  };
  var ALIASES = {
    console: "bash", sh: "bash", shell: "bash", shellsession: "bash",
    xml: "html", svg: "html", md: "markdown"
  };

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function span(kind, html) {
    return '<span class="hljs-' + kind + '">' + html + "</span>";
  }

  // An HTML tag: its name, attribute names and values.
  function tag(text) {
    var parts = /^(<\/?)([A-Za-z][\w-]*)([\s\S]*?)(\/?>)$/.exec(text);
    var attrs = parts[3].replace(
      /([^\s=]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)?|[^\s=]+|\s+/g,
      function (all, name, eq, value) {
        if (!name) return escape(all);
        return span("attr", escape(name)) + escape(eq) + (value ? span("string", escape(value)) : "");
      }
    );
    return span("tag", escape(parts[1]) + span("name", parts[2]) + attrs + escape(parts[4]));
  }

  function highlight(rules, text) {
    var out = "";
    var plain = 0;
    var at = 0;
    while (at < text.length) {
      var hit = null;
      for (var i = 0; i < rules.length && !hit; i++) {
        var rule = rules[i][0];
        rule.lastIndex = at;
        var m = rule.exec(text);
        if (m && m[0].length > 0) hit = [m[0], rules[i][1]];
      }
      if (!hit) {
        at += 1;
        continue;
      }
      out += escape(text.slice(plain, at));
      out += typeof hit[1] === "function" ? hit[1](hit[0]) : span(hit[1], escape(hit[0]));
      at += hit[0].length;
      plain = at;
    }
    return out + escape(text.slice(plain));
  }

  function language(block) {
    var m = /(?:^|\s)language-([\w-]+)/.exec(block.className);
    if (!m) return null;
    var name = m[1].toLowerCase();
    return LANGUAGES[ALIASES[name] || name] || null;
  }

  function highlightBlock(block) {
    var rules = language(block);
    // A block that already holds markup (mdBook's hidden lines, an earlier
    // pass) is left as it is.
    if (!rules || block.children.length > 0) return;
    block.innerHTML = highlight(rules, block.textContent);
  }

  window.hljs = {
    configure: function () {},
    highlightBlock: highlightBlock,
    highlightElement: highlightBlock
  };
})();
