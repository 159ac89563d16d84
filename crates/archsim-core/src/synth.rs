//! Synthetic models shaped like a real one, for benchmarks and scale tests.
//!
//! The shape follows the Tomoda model: three providers (a workload home, an
//! asset CDN, a DNS-only provider), several regions each, a cluster per
//! region that runs services and data stores, load balancers in front of
//! ingress replicas (so routes have alternatives), CDN distributions in
//! front of buckets, a zone with a host per ~25 components, two disjoint DNS
//! writers, internal flows, and a scenario per provider and region. Every
//! generated model passes the loader's checks.
#![allow(clippy::disallowed_macros)] // Synthetic models are for benchmarks and tests: no widget generates one.

use std::fmt::Write;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SynthOptions {
    /// Number of components (at least 40; smaller requests are rounded up).
    pub components: usize,
    /// Seed: the same options give the same model, byte for byte.
    pub seed: u64,
}

/// SplitMix64: small, fast, and good enough for shaping test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const HEADER: &str = r#"[model]
name = "Synthetic"
format = 1

[zone]
name = "synth.test"
component = "zone"

[[provider]]
id = "home"
name = "Workload home"
job = "Compute and data"
why = "Generated"

[[provider]]
id = "cdn"
name = "Asset CDN"
job = "Static assets"
why = "Generated"

[[provider]]
id = "dns"
name = "DNS"
job = "DNS only"
why = "Generated"

[[placement.question]]
id = "reached-from-cluster"
ask = "Reached from the cluster?"

[[placement.question]]
id = "runs-workload"
ask = "Runs a workload?"

[[placement.question]]
id = "holds-state"
ask = "Holds state?"

[[placement.question]]
id = "public-cacheable-assets"
ask = "Serves cacheable assets to the public?"

[[placement.question]]
id = "dns"
ask = "Is DNS?"

[[placement.rule]]
id = "home"
provider = "home"
if_any = ["reached-from-cluster", "runs-workload", "holds-state"]
says = "Workloads and data live at home."

[[placement.rule]]
id = "assets"
provider = "cdn"
if_any = ["public-cacheable-assets"]
says = "Public assets live on the CDN."

[[placement.rule]]
id = "dns"
provider = "dns"
if_any = ["dns"]
final = true
says = "DNS is the DNS provider's."

[[invariant]]
id = "not-proxied"
check = "records-not-proxied"
says = "No proxied records."
hint = "set proxied = false"

[[invariant]]
id = "writers"
check = "writers-disjoint"
says = "Writers do not overlap."
hint = "give the host to one writer"

[[invariant]]
id = "placement"
check = "placement"
says = "Everything is where the rule puts it."
hint = "move it"

[[writer]]
id = "cluster-dns"
name = "cluster writer"
source = "k8s/external-dns.yaml"
owner_id = "synth"
owns = ["h*.synth.test"]
adds = "Add an Ingress."
serves = "Cluster hosts"

[[writer]]
id = "terraform"
name = "Terraform"
source = "infra/dns.tf"
owns = ["cdn*.synth.test"]
adds = "Add a distribution."
serves = "CDN hosts"

[[component]]
id = "zone"
name = "synth.test zone"
kind = "dns-zone"
provider = "dns"
region = "dns-global"
env = "shared"
traits = ["dns"]

[[region]]
id = "dns-global"
name = "Global"
provider = "dns"
"#;

/// A model file (TOML text) with about `components` components and five
/// times as many edges.
///
/// Complexity: O(components).
pub fn generate(options: &SynthOptions) -> String {
    let n = options.components.max(40);
    let mut rng = Rng(options.seed ^ 0x5EED_0000_0000_0001);
    let mut out = String::with_capacity(n * 400);
    out.push_str(HEADER);

    // Budget: per region one cluster and one network; the rest split into
    // load balancers, ingress replicas, services, data stores, CDN pairs.
    let home_regions = (n / 2000).clamp(2, 8);
    let cdn_regions = 2;
    let hosts = (n / 25).max(4);
    let cdn_hosts = (hosts / 8).max(1);
    let cluster_hosts = hosts - cdn_hosts;
    let lbs = (cluster_hosts / 20).max(1);
    let ingresses = lbs * 2;
    let fixed = 1 + home_regions * 2 + lbs + ingresses + cdn_hosts * 2;
    let rest = n.saturating_sub(fixed).max(cluster_hosts + 4);
    let services = (rest * 55 / 100).max(cluster_hosts);
    let stores = rest - services;

    for r in 0..home_regions {
        let _ = write!(
            out,
            "\n[[region]]\nid = \"home-{r}\"\nname = \"Home {r}\"\nprovider = \"home\"\n"
        );
    }
    for r in 0..cdn_regions {
        let _ = write!(
            out,
            "\n[[region]]\nid = \"cdn-{r}\"\nname = \"CDN {r}\"\nprovider = \"cdn\"\n"
        );
    }
    let _ = write!(out, "\n[[region]]\nid = \"edge\"\nname = \"Edge\"\n");

    let component = |out: &mut String,
                     id: &str,
                     kind: &str,
                     provider: &str,
                     region: &str,
                     runs_in: Option<&str>,
                     traits: &str,
                     needs: &[String]| {
        let _ = write!(
            out,
            "\n[[component]]\nid = \"{id}\"\nkind = \"{kind}\"\nprovider = \"{provider}\"\nregion = \"{region}\"\ntraits = [{traits}]\n"
        );
        if let Some(cluster) = runs_in {
            let _ = writeln!(out, "runs_in = \"{cluster}\"");
        }
        if !needs.is_empty() {
            out.push_str("needs = [");
            for (i, need) in needs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "\"{need}\"");
            }
            out.push_str("]\n");
        }
    };
    let need = |to: &str, kind: &str| {
        if kind == "request" {
            to.to_owned()
        } else {
            format!("{to}:{kind}")
        }
    };
    let hop = |out: &mut String, from: &str, to: &str, kind: &str, hosts: Option<&str>| {
        let _ = write!(
            out,
            "\n[[edge]]\nfrom = \"{from}\"\nto = \"{to}\"\nkind = \"{kind}\"\nhop = true\n"
        );
        if let Some(host) = hosts {
            let _ = writeln!(out, "hosts = [\"{host}\"]");
        }
    };

    for r in 0..home_regions {
        component(
            &mut out,
            &format!("net-{r}"),
            "network",
            "home",
            &format!("home-{r}"),
            None,
            "\"reached-from-cluster\"",
            &[],
        );
        component(
            &mut out,
            &format!("cluster-{r}"),
            "cluster",
            "home",
            &format!("home-{r}"),
            None,
            "\"runs-workload\"",
            &[format!("net-{r}")],
        );
    }
    // Data stores: every third one is a bucket that the stores before it
    // (in its region) back up into.
    let store_region = |s: usize| s % home_regions;
    let store_id = |s: usize| {
        if s % 3 == 2 {
            format!("bucket-{s}")
        } else {
            format!("store-{s}")
        }
    };
    let backup_of = |s: usize| {
        let mut b = s + 2 - (s % 3);
        while b < stores && store_region(b) != store_region(s) {
            b += 3;
        }
        (b < stores).then_some(b)
    };
    for s in 0..stores {
        let r = store_region(s);
        if s % 3 == 2 {
            component(
                &mut out,
                &store_id(s),
                "bucket",
                "home",
                &format!("home-{r}"),
                None,
                "\"holds-state\", \"reached-from-cluster\"",
                &[],
            );
        } else {
            let mut needs = vec![format!("net-{r}")];
            if let Some(b) = backup_of(s) {
                needs.push(need(&store_id(b), "background"));
            }
            component(
                &mut out,
                &store_id(s),
                "database",
                "home",
                &format!("home-{r}"),
                Some(&format!("cluster-{r}")),
                "\"holds-state\", \"runs-workload\"",
                &needs,
            );
        }
    }
    // Services: each needs a few stores of its region and maybe an earlier
    // service, and runs in its region's cluster.
    let kinds = [
        "request",
        "request",
        "request",
        "request",
        "request",
        "request",
        "cached",
        "startup",
        "background",
        "request",
    ];
    for v in 0..services {
        let r = v % home_regions;
        let wanted = 4 + rng.below(5);
        let mut used: Vec<usize> = Vec::with_capacity(wanted);
        let mut needs = Vec::with_capacity(wanted + 1);
        for _ in 0..wanted {
            let mut s = rng.below(stores);
            // Stay in the region: stores are assigned round-robin.
            s -= s % home_regions;
            s += r;
            if s >= stores || used.contains(&s) {
                continue;
            }
            used.push(s);
            needs.push(need(&store_id(s), kinds[rng.below(kinds.len())]));
        }
        if v >= home_regions && rng.below(3) == 0 {
            let mut earlier = rng.below(v);
            earlier -= earlier % home_regions;
            earlier += r;
            if earlier < v {
                needs.push(format!("svc-{earlier}"));
            }
        }
        component(
            &mut out,
            &format!("svc-{v}"),
            "workload",
            "home",
            &format!("home-{r}"),
            Some(&format!("cluster-{r}")),
            "\"runs-workload\"",
            &needs,
        );
    }
    // Load balancers in front of pairs of ingress replicas (alternatives).
    for l in 0..lbs {
        let r = l % home_regions;
        component(
            &mut out,
            &format!("lb-{l}"),
            "load-balancer",
            "home",
            &format!("home-{r}"),
            None,
            "\"reached-from-cluster\"",
            &[format!("net-{r}")],
        );
        for k in 0..2 {
            let ingress = format!("ingress-{l}-{k}");
            component(
                &mut out,
                &ingress,
                "ingress",
                "home",
                &format!("home-{r}"),
                Some(&format!("cluster-{r}")),
                "\"runs-workload\"",
                &[],
            );
            hop(&mut out, &format!("lb-{l}"), &ingress, "request", None);
        }
    }
    // Hosts served from the cluster: one service each, behind one LB.
    for h in 0..cluster_hosts {
        let l = h % lbs;
        let r = l % home_regions;
        let mut v = h % services;
        v -= v % home_regions;
        v += r;
        if v >= services {
            v = r;
        }
        let host = format!("h{h}.synth.test");
        for k in 0..2 {
            hop(
                &mut out,
                &format!("ingress-{l}-{k}"),
                &format!("svc-{v}"),
                "request",
                Some(&host),
            );
        }
        let _ = write!(
            out,
            "\n[[record]]\nhost = \"{host}\"\ntype = \"A\"\ntarget = \"lb-{l}\"\nwriter = \"cluster-dns\"\nenv = \"shared\"\n"
        );
    }
    // CDN hosts: distribution in front of a bucket.
    for c in 0..cdn_hosts {
        let r = c % cdn_regions;
        component(
            &mut out,
            &format!("cdn-{c}"),
            "cdn",
            "cdn",
            "edge",
            None,
            "\"public-cacheable-assets\"",
            &[],
        );
        component(
            &mut out,
            &format!("assets-{c}"),
            "bucket",
            "cdn",
            &format!("cdn-{r}"),
            None,
            "\"public-cacheable-assets\"",
            &[],
        );
        hop(
            &mut out,
            &format!("cdn-{c}"),
            &format!("assets-{c}"),
            "cached",
            None,
        );
        let _ = write!(
            out,
            "\n[[record]]\nhost = \"cdn{c}.synth.test\"\ntype = \"CNAME\"\ntarget = \"cdn-{c}\"\nwriter = \"terraform\"\nenv = \"shared\"\n"
        );
    }
    // Internal flows: backups of a few stores.
    for s in (0..stores).filter(|s| s % 3 == 0).take((n / 100).max(1)) {
        if let Some(b) = backup_of(s) {
            let _ = write!(
                out,
                "\n[[flow]]\nid = \"backup-{s}\"\nname = \"Backup {s}\"\npath = [\"{}\", \"{}\"]\n",
                store_id(s),
                store_id(b)
            );
        }
    }
    for p in ["home", "cdn", "dns"] {
        let _ = write!(
            out,
            "\n[[scenario]]\nid = \"{p}-down\"\nname = \"{p} down\"\nfail = [\"provider:{p}\"]\n"
        );
    }
    for r in 0..home_regions {
        let _ = write!(
            out,
            "\n[[scenario]]\nid = \"home-{r}-down\"\nname = \"home-{r} down\"\nfail = [\"region:home-{r}\"]\n"
        );
    }
    sourced(&out)
}

/// Every entry of a generated model is made up: each says so, as the
/// loader asks of every entry (`unsourced` otherwise).
///
/// Complexity: O(text).
fn sourced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 5 / 4);
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        let entry =
            (line.starts_with("[[") && line != "[[placement.question]]") || line == "[zone]";
        if entry {
            out.push_str(
                "assumption = \"Generated: a synthetic model for benchmarks and tests.\"\n",
            );
        }
    }
    out
}

/// A proposed change to a generated model, for diff benchmarks and tests:
/// `count` services (`svc-N`), spread evenly over them, starting at the
/// `offset`-th, each have their first dependency change kind: `request`
/// to `cached`, any other kind to `request`. On a model of 10,000
/// components, `count = 100` changes 1 % of them.
///
/// Complexity: O(text).
pub fn change_services(source: &str, count: usize, offset: usize) -> String {
    let services = source.matches("\nid = \"svc-").count();
    let every = (services / count.max(1)).max(1);
    let mut out = String::with_capacity(source.len() + 16 * count);
    let (mut service, mut changed, mut pick) = (0usize, 0usize, false);
    for line in source.lines() {
        if line.starts_with("id = \"") {
            pick = line.starts_with("id = \"svc-")
                && service % every == offset % every
                && changed < count;
            service += usize::from(line.starts_with("id = \"svc-"));
        }
        match line.strip_prefix("needs = [\"").filter(|_| pick) {
            Some(rest) => {
                pick = false;
                changed += 1;
                let end = rest.find('"').unwrap_or(rest.len());
                let (first, after) = rest.split_at(end);
                let to = match first.split_once(':') {
                    Some((to, _)) => to.to_owned(),
                    None => [first, ":cached"].concat(),
                };
                out.push_str(&["needs = [\"", &to, after].concat());
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}
