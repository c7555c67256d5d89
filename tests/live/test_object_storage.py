"""Media on object storage, against a real server: OpenStack Swift with its S3 API
(scripts/swift-server.sh). Two app servers share the database and a bucket, as two machines
would: an editor uploads an image and a document in the admin on one, a reader sees them on the
other; the bucket stays private (documents only through Wagtail's view, which checks their
privacy); `backup` takes the bucket's files and `restore` puts them back into another bucket,
checked."""

import re
import tarfile
from pathlib import Path

import pytest
import requests
from PIL import Image
from playwright.sync_api import expect

from tests.live.server import get_server
from tests.support import s3
from tests.support.browser import assert_accessible, login, upload_listing_image
from tests.support.servers import manage

MOVE_TO_PRIVATE = """
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction
root = Collection.get_first_root_node()
intern = root.add_child(name="Intern {run}")
CollectionViewRestriction.objects.create(collection=intern, restriction_type="login")
document = Document.objects.get(pk={pk})
document.collection = intern
document.save()
print("OK")
"""

FORGET = """
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page
Page.objects.filter(pk={page}).delete()
Image.objects.filter(title__startswith="Foto uit de objectopslag").delete()
Document.objects.filter(title__startswith="Verslag uit de objectopslag").delete()
print("OK")
"""


@pytest.fixture(scope="module")
def storage(site_url, tmp_path_factory):
    """A bucket, two app servers keeping their media in it, and a fresh article; afterwards the
    article and its media are gone again (the other browser tests' server keeps media on disk
    and must not list files it cannot show)."""
    server = get_server()
    bucket = s3.new_bucket()
    env = {**server.env, **s3.env(bucket)}
    first = server.extra_server(**s3.env(bucket))
    second = server.extra_server(**s3.env(bucket))
    page, url = server.new_article("Artikel met een foto uit de objectopslag")
    yield {"bucket": bucket, "env": env, "first": first, "second": second, "page": page,
           "url": url, "work": tmp_path_factory.mktemp("objectopslag")}  # fmt: skip
    manage(env, "shell", "-c", FORGET.format(page=page))


def test_an_image_uploaded_on_one_server_shows_on_the_other(storage, make_page):
    photo = storage["work"] / "foto.png"
    Image.new("RGB", (1600, 900), (30, 90, 140)).save(photo)
    editor = make_page(site=storage["first"], viewport={"width": 1280, "height": 900})
    login(editor, "eindredacteur")
    editor.goto(f"/beheer/pages/{storage['page']}/edit/")
    upload_listing_image(editor, photo, "Foto uit de objectopslag")
    editor.get_by_role("textbox", name=re.compile("^Alt-tekst")).fill("Een blauw vlak.")
    editor.get_by_role("button", name="Meer acties").click()
    editor.get_by_role("button", name="Publiceren").click()
    expect(editor.locator(".messages")).to_contain_text("gepubliceerd")

    # The original is in the bucket, and nothing of it on the servers' own disk.
    keys = s3.keys(storage["bucket"])
    assert any(re.match(r"original_images/foto.*\.png$", key) for key in keys), keys
    media_root = get_server().env["MEDIA_ROOT"]
    assert not list(Path(media_root).rglob("foto*.png"))

    # A reader on the other server sees the article's image, fetched from the object store
    # (the page's Content-Security-Policy allows it; a broken image or a violation fails).
    reader = make_page(site=storage["second"])
    reader.goto("/artikelen/")
    card = reader.locator("li", has_text="Artikel met een foto uit de objectopslag")
    image = card.locator("img")
    expect(image).to_have_attribute("alt", "Een blauw vlak.")
    source = image.get_attribute("src")
    assert source.startswith(f"{s3.endpoint()}/{storage['bucket']}/images/"), source
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0
    assert_accessible(reader)
    # The rendition was made once and stored in the bucket, beside the original.
    assert any(key.startswith("images/foto") for key in s3.keys(storage["bucket"]))
    # The bucket itself is private: without the signature nobody reads it.
    signed = requests.get(source, timeout=10)
    assert signed.status_code == 200 and signed.content[:3] == b"\xff\xd8\xff"  # a JPEG
    bare = requests.get(source.split("?")[0], timeout=10)
    assert bare.status_code >= 400 and bare.content != signed.content


def test_a_document_uploaded_on_one_server_is_served_by_the_other_and_private_stays_private(
    storage, make_page
):
    report = storage["work"] / "verslag.txt"
    report.write_text("Verslag van de werkgroep ervaringsdeskundigheid.\n")
    editor = make_page(site=storage["first"], viewport={"width": 1280, "height": 900})
    login(editor, "eindredacteur")
    editor.goto("/beheer/documents/multiple/add/")
    editor.locator("input[type=file]").set_input_files(report)
    uploaded = editor.locator("#upload-list li.upload-success")
    expect(uploaded).to_have_count(1)
    uploaded.get_by_role("textbox", name=re.compile("^Titel")).fill("Verslag uit de objectopslag")
    uploaded.get_by_role("button", name=re.compile("Bijwerken|Update")).click()
    expect(editor.locator(".messages")).to_contain_text("bijgewerkt")

    server = get_server()
    [(pk, name)] = server.query(
        "SELECT id, file FROM wagtaildocs_document WHERE title = ?",
        ("Verslag uit de objectopslag",),
    )
    assert name in s3.keys(storage["bucket"])
    filename = name.rpartition("/")[2]
    url = f"{storage['second']}/documents/{pk}/{filename}"
    served = requests.get(url, timeout=10)
    assert served.status_code == 200
    assert served.content == report.read_bytes()
    # Straight from the bucket, without a signature: refused.
    bare = requests.get(f"{s3.endpoint()}/{storage['bucket']}/{name}", timeout=10)
    assert bare.status_code >= 400 and b"werkgroep" not in bare.content

    # In a collection only for people who are logged in: the other server asks a visitor to
    # log in and sends nothing of the file.
    code = MOVE_TO_PRIVATE.format(pk=pk, run=storage["bucket"][-6:])
    assert server.shell_output(code, marker="OK") == ""
    private = requests.get(url, timeout=10, allow_redirects=False)
    assert private.status_code == 302
    assert "next=" in private.headers["Location"]
    assert b"werkgroep" not in private.content


def test_backup_takes_the_bucket_and_restore_puts_it_back_checked(storage):
    """After the two tests above: the bucket holds an image, its renditions and a document."""
    server = get_server()
    before = {key: s3.read(storage["bucket"], key) for key in s3.keys(storage["bucket"])}
    assert before
    out = storage["work"] / "backups"
    manage(storage["env"], "backup", "--output-dir", str(out))
    [archive] = out.glob("ervaring-*.tar.gz")
    with tarfile.open(archive) as tar:
        in_archive = {
            member.name.removeprefix("media/"): tar.extractfile(member).read()
            for member in tar.getmembers()
            if member.isfile() and member.name.startswith("media/")
        }
    assert in_archive == before

    # A new machine: an empty database and an empty bucket.
    url, drop = server.new_database(storage["work"])
    bucket = s3.new_bucket()
    target = {**server.env, **s3.env(bucket), "DATABASE_URL": url}
    try:
        manage(target, "restore", str(archive), "--yes")
        assert {key: s3.read(bucket, key) for key in s3.keys(bucket)} == before
        count = manage(
            target,
            "shell",
            "-c",
            "from wagtail.documents.models import Document; "
            "print('N', Document.objects.filter(title__startswith='Verslag uit').count())",
        )
        assert "N 1" in count
    finally:
        drop()
