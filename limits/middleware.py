"""A limit on what public forms take: a handful of fields and no files, refused before any
view reads them."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string


class NoFiles(FileUploadHandler):
    """The upload handler of public forms: they take no files. A file part is noted and skipped,
    never written anywhere."""

    def __init__(self, request=None):
        super().__init__(request)
        self.files_sent = False

    def new_file(self, *args, **kwargs):
        self.files_sent = True
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


class PublicFormLimitMiddleware:
    """The site's public forms (a comment, a login, a page's password) have a handful of fields
    and no files. A POST outside the admin is parsed here by Django itself (within its own
    limits: DATA_UPLOAD_MAX_MEMORY_SIZE, DATA_UPLOAD_MAX_NUMBER_FIELDS) with an upload handler
    that stores no file; more than PUBLIC_FORM_MAX_FIELDS values, or any file, is refused (400),
    and a body over Django's size limit gets 413. The admin keeps Django's larger limits for long
    pages and its uploads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.path.startswith(settings.ADMIN_URL_PREFIX):
            refused = self.refusal(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    @staticmethod
    def refusal(request):
        no_files = NoFiles(request)
        request.upload_handlers = [no_files]
        try:
            values = sum(len(values) for _, values in request.POST.lists())
        except RequestDataTooBig:
            html = render_to_string("413.html", request=request)
            return HttpResponse(html, status=413)
        except MultiPartParserError as error:
            raise SuspiciousOperation("Een formulier dat Django niet kan lezen.") from error
        if no_files.files_sent:
            raise SuspiciousOperation("Publieke formulieren nemen geen bestanden aan.")
        if values > settings.PUBLIC_FORM_MAX_FIELDS:
            raise TooManyFieldsSent("Te veel velden voor een publiek formulier.")
        return None
