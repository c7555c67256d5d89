"""Checking links: pages and documents in the database, addresses on this site (and their
anchors) by asking the site itself in this process, and addresses elsewhere politely — HEAD,
then GET where a site does not answer HEAD; a time-out; at most LINK_CHECK_PER_HOST requests per
site per run, LINK_CHECK_HOST_DELAY seconds apart; and each answer kept LINK_CHECK_CACHE_HOURS,
so a site is asked again only after that."""

import re
import time
from collections import Counter
from datetime import timedelta
from urllib.parse import urldefrag, urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.http.request import split_domain_port, validate_host
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from links.finding import ADDRESS, DOCUMENT, PAGE, all_links
from links.models import BrokenLink, CheckedAddress, CheckRun, url_key

# Answers that say the page is gone or the site is broken; a site that refuses robots (401,
# 403, 429) may well show the page to a person, so those are not reported.
BROKEN_STATUS = {404, 410}
NOT_FOR_HEAD = {400, 403, 405, 501}
SKIPPED_SCHEMES = ("mailto:", "tel:")
MAX_REDIRECTS = 5


def option(name):
    return settings.ERVARING[name]


class Checker:
    """One run: what each target answered, so a link that appears twice is checked once."""

    def __init__(self):
        self.asked = Counter()
        self.answers = {}
        self.rendered = {}
        self.session = requests.Session()
        self.session.max_redirects = MAX_REDIRECTS
        self.session.headers["User-Agent"] = (
            f"ervaring-linkcontrole (+{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/)"
        )
        self.last_asked = {}
        site = Site.objects.filter(is_default_site=True).first()
        self.site_root = site.root_url if site else ""
        self.site = site

    def problems(self, links):
        pages = {link.target for link in links if link.kind == PAGE}
        documents = {link.target for link in links if link.kind == DOCUMENT}
        page_state = dict(
            Page.objects.filter(pk__in=[int(t) for t in pages if t.isdigit()]).values_list(
                "pk", "live"
            )
        )
        document_files = {
            str(doc.pk): doc.file
            for doc in get_document_model().objects.filter(
                pk__in=[int(t) for t in documents if t.isdigit()]
            )
        }
        for link in links:
            problem = None
            if link.kind == PAGE:
                state = page_state.get(int(link.target)) if link.target.isdigit() else None
                if state is None:
                    problem = "De pagina bestaat niet meer."
                elif not state:
                    problem = "De pagina is niet gepubliceerd."
            elif link.kind == DOCUMENT:
                file = document_files.get(link.target)
                if file is None:
                    problem = "Het document bestaat niet meer."
                elif not self.file_exists(file):
                    problem = "Het bestand van het document ontbreekt."
            elif link.kind == ADDRESS:
                problem = self.address_problem(link)
            if problem:
                yield link, problem

    @staticmethod
    def file_exists(file):
        try:
            return file.storage.exists(file.name)
        except OSError:
            return True  # storage not reachable now: not the link's fault

    def address_problem(self, link):
        url = link.target
        if url.lower().startswith(SKIPPED_SCHEMES) or not url:
            return None
        if url.startswith("#"):
            return self.anchor_problem(link.page_url, url[1:])
        if url.startswith("/") and not url.startswith("//"):
            return self.own_problem(url)
        if self.site_root and url.startswith(self.site_root + "/"):
            return self.own_problem(url[len(self.site_root) :])
        if urlsplit(url).scheme not in ("http", "https"):
            return "Dit is geen webadres (het moet beginnen met https://)."
        return self.elsewhere_problem(urldefrag(url).url)

    # This site: asked in this process, as a visitor would (the page cache answers most).
    def own_host(self):
        """(host, secure) to ask this site by: the public address (BASE_URL), else the Wagtail
        site's, else the first name in ALLOWED_HOSTS; one that Django accepts."""
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        candidates = [(base.netloc, base.scheme == "https")]
        if self.site:
            port = self.site.port
            name = self.site.hostname if port in (80, 443) else f"{self.site.hostname}:{port}"
            candidates.append((name, port == 443))
        candidates += [(host, True) for host in settings.ALLOWED_HOSTS if host[:1] not in "*."]
        for host, secure in candidates:
            domain, _ = split_domain_port(host.lower())
            if domain and validate_host(domain, settings.ALLOWED_HOSTS):
                return host, secure
        return "localhost", False

    def own_page(self, path):
        if path not in self.rendered:
            host, secure = self.own_host()
            response = Client().get(path, follow=True, secure=secure, headers={"host": host})
            body = response.content.decode(errors="replace") if response.status_code == 200 else ""
            self.rendered[path] = (response.status_code, body)
        return self.rendered[path]

    def own_problem(self, url):
        path, fragment = urldefrag(url)
        status, _ = self.own_page(path or "/")
        if status != 200:
            return f"Deze pagina van de site bestaat niet (antwoord {status})."
        return self.anchor_problem(path or "/", fragment) if fragment else None

    def anchor_problem(self, path, fragment):
        if not fragment:
            return None
        status, body = self.own_page(path)
        if status != 200:
            return None
        pattern = rf'\b(?:id|name)="{re.escape(fragment)}"'
        if re.search(pattern, body):
            return None
        return f"Het anker #{fragment} staat niet op de pagina."

    # Other sites: politely, and each answer kept a while.
    def elsewhere_problem(self, url):
        if url in self.answers:
            return self.answers[url]
        key = url_key(url)
        fresh_after = timezone.now() - timedelta(hours=option("LINK_CHECK_CACHE_HOURS"))
        known = CheckedAddress.objects.filter(key=key).first()
        if known is not None and known.checked_at >= fresh_after:
            self.answers[url] = known.problem if known.broken else None
            return self.answers[url]
        host = urlsplit(url).netloc.lower()
        if self.asked[host] >= option("LINK_CHECK_PER_HOST"):
            # Asked enough of this site in this run: what it said last time, if anything.
            return (known.problem if known.broken else None) if known else None
        self.wait_for(host)
        self.asked[host] += 1
        problem = self.ask(url)
        CheckedAddress.objects.update_or_create(
            key=key,
            defaults={
                "url": url,
                "broken": bool(problem),
                "problem": problem or "",
                "checked_at": timezone.now(),
            },
        )
        self.answers[url] = problem
        return problem

    def wait_for(self, host):
        delay = option("LINK_CHECK_HOST_DELAY")
        last = self.last_asked.get(host)
        if last is not None and delay > 0:
            time.sleep(max(0, last + delay - time.monotonic()))
        self.last_asked[host] = time.monotonic()

    def ask(self, url):
        timeout = option("LINK_CHECK_TIMEOUT")
        try:
            response = self.session.head(url, allow_redirects=True, timeout=timeout)
            if response.status_code in NOT_FOR_HEAD:
                response = self.session.get(url, allow_redirects=True, timeout=timeout, stream=True)
                response.close()
        except requests.Timeout:
            return f"De site gaf geen antwoord binnen {timeout:g} seconden."
        except requests.TooManyRedirects:
            return "Het adres stuurt steeds door naar een ander adres."
        except requests.RequestException:
            return "De site is niet te bereiken."
        if response.status_code in BROKEN_STATUS:
            return f"De pagina bestaat niet (meer) (antwoord {response.status_code})."
        if response.status_code >= 500:
            return f"De site geeft een fout (antwoord {response.status_code})."
        return None


def shown(link):
    """The link as the report shows it: a web address, or which page or document it meant."""
    if link.kind == PAGE:
        return f"Pagina nummer {link.target}"
    if link.kind == DOCUMENT:
        return f"Document nummer {link.target}"
    return link.target


def check_all():
    """Check every link on every live page and replace what the report shows. (links, broken)"""
    links = all_links()
    checker = Checker()
    found = list(checker.problems(links))
    now = timezone.now()
    with transaction.atomic():
        earlier = {
            (row.page_id, row.where, row.url): row.first_seen for row in BrokenLink.objects.all()
        }
        BrokenLink.objects.all().delete()
        BrokenLink.objects.bulk_create(
            BrokenLink(
                page_id=link.page_id,
                where=link.where[:300],
                edit_url=link.edit_url[:500],
                url=shown(link),
                text=link.text[:300],
                problem=problem,
                first_seen=earlier.get((link.page_id, link.where[:300], shown(link)), now),
                checked_at=now,
            )
            for link, problem in found
        )
        CheckRun.objects.create(finished_at=now, links=len(links), broken=len(found))
        # What other sites said long ago is asked afresh next time anyway.
        CheckedAddress.objects.filter(checked_at__lt=now - timedelta(days=30)).delete()
    return len(links), len(found)
