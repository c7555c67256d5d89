"""Files a person uploads in the admin, made on the spot."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage


def image_file(name="foto.png", size=(40, 30), image_format="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())
